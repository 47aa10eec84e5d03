# app.py exists at the top but not under the entry's code-root services/orders: reported.
def lambda_handler(event, context):
    return {"ok": True}
