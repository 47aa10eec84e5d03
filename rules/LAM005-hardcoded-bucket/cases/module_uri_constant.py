# Module constants holding s3:// URIs: reported where reached code passes them on (argument, f-string, concatenation).
LAKE_URI = "s3://acme-lake/curated/"
ARCHIVE_PREFIX = "s3://acme-archive/"


def read(uri):
    return uri


def lambda_handler(event, context):
    table = read(LAKE_URI)  # error: [LAM005]
    location = f"{ARCHIVE_PREFIX}{event['key']}"  # error: [LAM005]
    backup = ARCHIVE_PREFIX + "backup/" + event["key"]  # error: [LAM005]
    return {"table": table, "location": location, "backup": backup}
