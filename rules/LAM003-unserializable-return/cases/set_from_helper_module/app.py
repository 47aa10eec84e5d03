# tags.py builds a set and json.dumps() it for the handler: "Object of type set is not JSON serializable", reported where it is encoded.
from tags import tags_body


def lambda_handler(event, context):
    return {"statusCode": 200, "body": tags_body(event["queryStringParameters"])}
