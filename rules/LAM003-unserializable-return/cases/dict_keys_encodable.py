# str, int, float, bool and None keys: the runtime writes them as strings; not reported.
def lambda_handler(event, context):
    return {"name": 1, 2: "two", 1.5: "half", True: "yes", None: "null"}
