# float() of a number string: a finite float, fine.
def lambda_handler(event, context):
    return {"limit": float(event["queryStringParameters"]["limit"])}
