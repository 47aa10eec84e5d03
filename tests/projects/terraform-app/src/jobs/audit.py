def lambda_handler(event, context):
    return {"job": "audit"}
