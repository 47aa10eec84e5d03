# float("-inf"): -Infinity is not JSON either.
def lambda_handler(event, context):
    return [1.0, float("-inf")]  # error: [LAM003]
