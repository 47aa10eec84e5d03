# list() of dict.items(): a list of tuples, which encode as arrays.
def lambda_handler(event, context):
    counts = {"new": 1, "sale": 2}
    return {"tags": list(counts.items())}
