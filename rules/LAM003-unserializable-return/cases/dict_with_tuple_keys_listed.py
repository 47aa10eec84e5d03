# Iterating a tuple-keyed dict makes its keys elements, which encode as arrays: fine.
def lambda_handler(event, context):
    totals = {("eu-west-1", 2024): 12}
    return {"keys": list(totals), "pairs": list(totals.items())}
