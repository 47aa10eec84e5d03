# profiles.py is the only code that writes its table, and it writes strings only: json.dumps() of an item read back there has no number to fail on, so nothing is reported.
import profiles


def lambda_handler(event, context):
    user = event["pathParameters"]["id"]
    profiles.save(user, event["queryStringParameters"]["limit"])
    return {"statusCode": 200, "body": profiles.load_json(user)}
