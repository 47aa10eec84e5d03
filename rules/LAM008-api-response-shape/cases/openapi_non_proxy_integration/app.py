# Functions an OpenAPI body wires with a non-proxy integration (type: aws) answer through
# mapping templates: no statusCode needed. The aws_proxy one, and one whose uri names no
# function of the template, are still proxies.
def get_order(event, context):
    return {"id": event["id"], "status": "shipped"}


def list_orders(event, context):
    return [{"id": "1"}]


def cancel_order(event, context):
    return {"cancelled": True}


def proxied_order(event, context):
    return {"id": "1"}  # error: [LAM008]


def unknown_integration(event, context):
    return {"id": "1"}  # error: [LAM008]
