# A function nested in the handler is never a handler itself, whatever its name: not reported.
def lambda_handler(event, context):
    def orders_handler(event):
        return {"orders": [], "path": event.get("path")}

    return orders_handler(event)
