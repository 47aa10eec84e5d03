# One named parameter plus *args and **kwargs takes (event, context) fine: not reported.
def lambda_handler(event, *args, **kwargs):
    return {"statusCode": 200, "extra": len(args) + len(kwargs)}
