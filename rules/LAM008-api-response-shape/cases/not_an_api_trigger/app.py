# An SQS-triggered handler returns whatever it likes: not reported.
def handler(event, context):
    for record in event["Records"]:
        print(record["body"])
