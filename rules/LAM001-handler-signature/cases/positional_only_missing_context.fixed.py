# A positional-only marker does not help when the handler has a single positional parameter.
def lambda_handler(event, _context=None, /):  # error: [LAM001]
    return {"statusCode": 200}
