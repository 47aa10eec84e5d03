# The handler calls fetch() imported from a sibling module, which builds the client: reported in helpers.py, where it is created.
from helpers import fetch


def lambda_handler(event, context):
    return {"text": fetch(event["bucket"], event["key"])}
