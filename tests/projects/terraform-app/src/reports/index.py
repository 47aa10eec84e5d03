def lambda_handler(event, context):
    return {"rows": len(event.get("Records", []))}
