# zip() through a variable: an iterator, reported.
def lambda_handler(event, context):
    pairs = zip(["a", "b"], [1, 2])
    return {"pairs": pairs}  # error: [LAM003]
