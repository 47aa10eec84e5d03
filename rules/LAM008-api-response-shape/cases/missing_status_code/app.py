# A dict without "statusCode" (a misspelt key too) is a malformed proxy response.
import json


def handler(event, context):
    if not event.get("pathParameters"):
        return {"status_code": 400, "body": "missing id"}  # error: [LAM008]
    return {"headers": {"Content-Type": "application/json"}, "body": json.dumps({"ok": True})}  # error: [LAM008]
