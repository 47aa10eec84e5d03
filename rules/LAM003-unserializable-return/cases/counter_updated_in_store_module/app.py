# The counter kept by an atomic update in counter.py: update_item(..., ReturnValues="UPDATED_NEW")["Attributes"] holds the new count as a Decimal, and json.dumps() of it fails: reported in counter.py.
import counter


def lambda_handler(event, context):
    return {"statusCode": 200, "body": counter.increment(event["pathParameters"]["id"])}
