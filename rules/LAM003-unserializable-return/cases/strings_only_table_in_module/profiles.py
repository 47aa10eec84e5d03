import json

import boto3

table = boto3.resource("dynamodb").Table("profiles")


def save(user, limit):
    table.put_item(Item={"id": user, "limit": limit})


def load_json(user):
    item = table.get_item(Key={"id": user})["Item"]
    return json.dumps(item)
