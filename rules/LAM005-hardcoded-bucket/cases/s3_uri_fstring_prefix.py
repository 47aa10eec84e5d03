# An f-string whose literal prefix holds the whole bucket: s3://acme-lake/ is hard-coded even though the key is not.
def lambda_handler(event, context):
    key = event["key"]
    return {"location": f"s3://acme-lake/raw/{key}"}  # error: [LAM005]
