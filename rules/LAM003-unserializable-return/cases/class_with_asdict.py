# simplejson encodes any object with an _asdict() method as a dict: fine.
class Order:
    def __init__(self, order_id):
        self.order_id = order_id

    def _asdict(self):
        return {"id": self.order_id}


def lambda_handler(event, context):
    return Order("42")
