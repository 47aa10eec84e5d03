# ListProducts is behind a non-proxy integration (not reported); CreateProduct behind the default proxy one.
import json
import uuid


def list_products(event, context):
    return [{"id": "p-1", "name": "Kettle"}]


def create_product(event, context):
    product = {"id": str(uuid.uuid4()), **json.loads(event["body"])}
    return {"statusCode": 201, "body": [product]}  # error: [LAM008]
