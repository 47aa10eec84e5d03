# Calling an async helper without awaiting it returns a coroutine: reported.
async def fetch_order(order_id):
    return {"id": order_id}


def lambda_handler(event, context):
    return fetch_order(event["pathParameters"]["id"])  # error: [LAM003]
