# A docstring and a no-op string that mention an s3:// URI are documentation, and a URI embedded in prose is not one: not reported.
def lambda_handler(event, context):
    """Copy s3://acme-example/input/ to the output bucket."""
    "arn:aws:s3:::acme-example is only an example"
    if not event["uri"].startswith("s3://"):
        raise ValueError("expected a location like s3://acme-example/key")
    return {"ok": True}
