# No template declares this file: its function shaped like a handler is checked by naming convention.
def handler(event, context):
    return None
