# A lambda handler with (event, context): not reported.
lambda_handler = lambda event, context: {"statusCode": 200, "requestId": context.aws_request_id}
