# A lambda handler with one parameter: the runtime calls it with two.
lambda_handler = lambda event, _context=None: {"statusCode": 200, "body": event.get("body")}  # error: [LAM001]
