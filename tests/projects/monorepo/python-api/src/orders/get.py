import boto3


def lambda_handler(event, context):
    table = boto3.resource("dynamodb").Table("orders")
    return table.get_item(Key={"id": event["id"]}).get("Item", {})
