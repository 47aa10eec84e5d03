# A third positional parameter without a default: the runtime passes only two arguments.
def lambda_handler(event, context, table_name):  # error: [LAM001]
    return {"table": table_name}
