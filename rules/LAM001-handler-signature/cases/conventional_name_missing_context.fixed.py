# A *handler function whose first parameter is event is a handler by convention; it lacks the context.
def orders_handler(event, _context=None):  # error: [LAM001]
    return {"orders": [], "path": event.get("path")}
