# Parameters beyond (event, context) that have defaults, positional or keyword-only, are fine: not reported.
def lambda_handler(event, context, table_name="orders", *, retries=3):
    return {"table": table_name, "retries": retries}
