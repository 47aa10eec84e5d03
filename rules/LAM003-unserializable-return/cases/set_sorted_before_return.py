# A set converted with sorted() before it is returned: a list of strings, which encodes.
def lambda_handler(event, context):
    tags = {"new", "sale"}
    return {"tags": sorted(tags)}
