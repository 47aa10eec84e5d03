# An instance of the module's own exception class: not encodable, reported.
class OrderError(ValueError):
    pass


def lambda_handler(event, context):
    error = OrderError("no such order")
    return {"error": error}  # error: [LAM003]
