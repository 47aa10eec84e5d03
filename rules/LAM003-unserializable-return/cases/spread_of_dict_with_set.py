# A ** spread of a dict that holds a set: the set ends up in the response.
BASE = {"statusCode": 200, "tags": {"new"}}


def lambda_handler(event, context):
    return {**BASE, "path": event["path"]}  # error: [LAM003]
