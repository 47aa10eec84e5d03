from .repository import save


def lambda_handler(event, context):
    save(event["order"])
    return {"statusCode": 200}
