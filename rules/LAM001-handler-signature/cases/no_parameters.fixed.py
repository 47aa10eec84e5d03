# A handler with no parameters at all: the runtime's call handler(event, context) raises TypeError.
def lambda_handler(_event=None, _context=None):  # error: [LAM001]
    return {"statusCode": 204}
