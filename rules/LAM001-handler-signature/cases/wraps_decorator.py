# A functools.wraps pass-through decorator on a handler that takes (event, context): not reported.
from functools import wraps


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("invoked")
        return func(*args, **kwargs)

    return wrapper


@logged
def lambda_handler(event, context):
    return {"orders": [], "requestId": context.aws_request_id}
