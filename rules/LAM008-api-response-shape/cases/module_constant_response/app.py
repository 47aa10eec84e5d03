# A response kept in a module constant that nothing changes is checked where it is written.
import json

UNAUTHORIZED = {"statusCode": 401, "body": {"message": "unauthorized"}}  # error: [LAM008]
OK = {"statusCode": 200, "body": json.dumps({"ok": True})}


def handler(event, context):
    if not event.get("headers", {}).get("Authorization"):
        return UNAUTHORIZED
    return OK
