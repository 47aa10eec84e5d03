# Well-formed proxy responses: a numeric status, a string body (or none), through variables too: not reported.
import json


def handler(event, context):
    if event.get("httpMethod") == "DELETE":
        return {"statusCode": 204}
    if event.get("httpMethod") == "HEAD":
        return {"statusCode": 200, "headers": {"X-Count": "3"}, "body": ""}
    payload = {"orders": [1, 2, 3]}
    response = {"statusCode": 200, "body": json.dumps(payload), "isBase64Encoded": False}
    return response
