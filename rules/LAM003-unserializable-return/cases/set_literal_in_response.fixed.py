# A set literal inside the returned dict: simplejson has no encoding for sets.
def lambda_handler(event, context):
    return {"statusCode": 200, "tags": sorted({"new", "sale"})}  # error: [LAM003]
