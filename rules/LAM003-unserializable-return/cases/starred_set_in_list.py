# A set unpacked with * into a list literal: its strings end up in the list, fine.
def lambda_handler(event, context):
    tags = {"new", "sale"}
    return [*tags, event["path"]]
