# Path-form handlers: nightly.cleanup is not defined and weekly.py does not exist, both reported.
def run(event, context):
    return {"ok": True}
