# A handler taking only **kwargs: the runtime passes event and context positionally, not by name.
def lambda_handler(_event=None, _context=None, **kwargs):  # error: [LAM001]
    return {"statusCode": 200, "body": str(sorted(kwargs))}
