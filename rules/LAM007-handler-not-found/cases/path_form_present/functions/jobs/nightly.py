# A path-form handler (functions/jobs/nightly.run) whose module and function exist: nothing.
def run(event, context):
    return {"ok": True}
