# "OK" or None as the status code is malformed; a string of digits is accepted by REST APIs.
import json

NOT_FOUND = {"statusCode": "404", "body": json.dumps({"message": "not found"})}
STATUS = None


def handler(event, context):
    if "id" not in event:
        return NOT_FOUND
    if event["id"] == "":
        return {"statusCode": STATUS, "body": ""}  # error: [LAM008]
    return {"statusCode": "OK", "body": json.dumps({"id": event["id"]})}  # error: [LAM008]
