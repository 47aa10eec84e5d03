# An instance of a plain class of the module, nested in a list: reported.
class Money:
    def __init__(self, amount, currency):
        self.amount = amount
        self.currency = currency


def lambda_handler(event, context):
    return {"prices": [Money(5, "EUR")]}  # error: [LAM003]
