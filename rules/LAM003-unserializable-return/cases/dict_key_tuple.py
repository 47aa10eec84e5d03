# A tuple key, through a local variable and nested in the response: JSON keys are strings.
def lambda_handler(event, context):
    totals = {("eu-west-1", 2024): 12, ("us-east-1", 2024): 30}
    return {"statusCode": 200, "totals": totals}  # error: [LAM003]
