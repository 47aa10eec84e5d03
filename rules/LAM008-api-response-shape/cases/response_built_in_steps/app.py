# Responses completed after they are created, or by a helper, cannot be judged from their first dict: not reported.
import json

CORS = {"Access-Control-Allow-Origin": "*"}


def with_cors(response):
    response["headers"] = CORS
    return response


def handler(event, context):
    if event.get("httpMethod") == "OPTIONS":
        preflight = {"headers": CORS}
        preflight["statusCode"] = 204
        return preflight
    if event.get("httpMethod") == "HEAD":
        head = {}
        head.update(statusCode=200)
        return head
    base = {"statusCode": 200}
    if event.get("httpMethod") == "DELETE":
        return {**base, "body": ""}
    return with_cors({"body": json.dumps({"ok": True})})
