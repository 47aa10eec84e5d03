# Positional-only parameters are exactly how the runtime passes (event, context): not reported.
def lambda_handler(event, context, /):
    return {"statusCode": 200, "requestId": context.aws_request_id}
