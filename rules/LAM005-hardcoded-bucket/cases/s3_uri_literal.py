# An s3:// URI literal in the handler: reported where it is written.
def read_table(uri):
    return uri.split("/")


def lambda_handler(event, context):
    source = "s3://acme-lake/raw/orders.parquet"  # error: [LAM005]
    return {"parts": read_table(source)}
