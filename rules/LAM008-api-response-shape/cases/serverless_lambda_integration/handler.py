# With integration: lambda, API Gateway maps the returned data through a template: only the lambda-proxy function is reported.
import json

PRODUCTS = [{"id": "p-1", "name": "Kettle"}, {"id": "p-2", "name": "Teapot"}]


def list_products(event, context):
    return PRODUCTS


def get_product(event, context):
    return json.dumps(PRODUCTS[0])  # error: [LAM008]
