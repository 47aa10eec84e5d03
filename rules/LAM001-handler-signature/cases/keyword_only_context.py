# The context is keyword-only (after a bare *): the runtime passes it positionally, so the call fails.
def lambda_handler(event, *, context):  # error: [LAM001]
    return {"statusCode": 200, "requestId": context.aws_request_id}
