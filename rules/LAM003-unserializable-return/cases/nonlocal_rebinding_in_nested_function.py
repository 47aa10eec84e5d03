# A set that a nested function rebinds through "nonlocal" before the return: its value may change, silent.
def lambda_handler(event, context):
    order_ids = set()

    def collect():
        nonlocal order_ids
        order_ids = sorted(event.get("ids", []))

    collect()
    return {"ids": order_ids}
