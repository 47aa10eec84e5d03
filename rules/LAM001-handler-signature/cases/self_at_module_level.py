# A method signature copied to module level: nothing passes self, so (event, context) leave context unfilled.
def lambda_handler(self, event, context):  # error: [LAM001]
    return {"statusCode": 200}
