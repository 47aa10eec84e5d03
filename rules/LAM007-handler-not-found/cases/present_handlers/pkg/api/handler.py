# The module of the dotted handler pkg.api.handler.main.
def main(event, context):
    return {"ok": True}
