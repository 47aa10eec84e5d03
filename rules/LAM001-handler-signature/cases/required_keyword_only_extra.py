# A required keyword-only parameter after (event, context): the runtime never passes it.
def lambda_handler(event, context, *, table_name):  # error: [LAM001]
    return {"table": table_name}
