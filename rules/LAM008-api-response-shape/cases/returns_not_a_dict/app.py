# Returning a JSON string, a list, a number or None to a REST API is not a response.
import json


def handler(event, context):
    orders = [{"id": "1"}]
    if event.get("format") == "text":
        return f"{len(orders)} orders"  # error: [LAM008]
    if event.get("format") == "count":
        return len(orders)
    if event.get("format") == "one":
        return 1  # error: [LAM008]
    if event.get("format") == "raw":
        return orders  # error: [LAM008]
    if event.get("format") == "none":
        return None  # error: [LAM008]
    if event.get("format") == "quiet":
        return  # error: [LAM008]
    return json.dumps(orders)  # error: [LAM008]
