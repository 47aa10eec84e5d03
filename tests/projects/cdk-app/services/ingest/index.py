def handler(event, context):
    return [record["Sns"]["Message"] for record in event["Records"]]
