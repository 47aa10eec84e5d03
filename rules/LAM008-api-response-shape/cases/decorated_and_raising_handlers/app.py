# A decorator may build the response from what the handler returns; a handler that always raises never returns None.
import functools
import json


def json_response(handler):
    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        return {"statusCode": 200, "body": json.dumps(handler(*args, **kwargs))}
    return wrapper


@json_response
def wrapped(event, context):
    return ["a", "b"]


def retired(event, context):
    if event.get("debug"):
        print(event)
    raise RuntimeError("this endpoint was retired")
