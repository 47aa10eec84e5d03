# A wraps decorator that passes an extra argument changes the signature the runtime sees: not reported.
from functools import wraps


def with_connection(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        connection = {"dsn": "memory"}
        return func(connection, *args, **kwargs)

    return wrapper


@with_connection
def lambda_handler(connection, event, context):
    return {"dsn": connection["dsn"], "requestId": context.aws_request_id}
