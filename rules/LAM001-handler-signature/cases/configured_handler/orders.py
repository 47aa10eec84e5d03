# A helper module of the configured handler: it defines no handler.
def list_orders(path):
    return [path]
