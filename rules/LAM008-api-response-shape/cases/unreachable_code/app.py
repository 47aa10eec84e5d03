# Code that never runs is not checked: a return after raise, the body of if False, what
# follows a return; the live returns are checked as usual.
import json


def get_order(event, context):
    order_id = event["pathParameters"]["id"]
    if not order_id.isdigit():
        raise ValueError("order ids are numbers")
        return {"body": {"error": "bad id"}}
    if False:
        return "debugging"
    return {"statusCode": 200, "body": json.dumps({"id": order_id})}
    return {"body": "never"}


def list_orders(event, context):
    if 0:
        return {"statusCode": 200, "body": json.dumps([])}
    return {"body": "[]"}  # error: [LAM008]


def health(event, context):
    raise NotImplementedError("health checks go to the load balancer")
    print("unreachable")
