# range() is a range object, not a list: reported.
def lambda_handler(event, context):
    return {"slots": range(3)}  # error: [LAM003]
