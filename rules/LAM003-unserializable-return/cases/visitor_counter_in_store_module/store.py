import json

import boto3

table = boto3.resource("dynamodb").Table("visitors")


def count_visit(page):
    item = table.get_item(Key={"id": page})["Item"]
    count = item["visits"] + 1
    table.put_item(Item={"id": page, "visits": count})
    return json.dumps({"page": page, "visits": count})  # error: [LAM003]
