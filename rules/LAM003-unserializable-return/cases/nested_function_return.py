# A return inside a function nested in the handler is not the handler's return value.
def lambda_handler(event, context):
    def tags():
        return {"a", "b"}

    return {"tags": sorted(tags())}
