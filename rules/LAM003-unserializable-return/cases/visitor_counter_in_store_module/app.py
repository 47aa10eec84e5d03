# The visitor counter with its table in a module of its own: store.py adds one to the stored count (a DynamoDB number, so a Decimal) and json.dumps() the result, which fails with "Object of type Decimal is not JSON serializable": reported in store.py, reached from the handler.
import store


def lambda_handler(event, context):
    return {"statusCode": 200, "body": store.count_visit(event["pathParameters"]["id"])}
