# A decorator without functools.wraps may adapt the signature (here it supplies the context): not reported.
def event_only(func):
    def adapter(event, context):
        return func(event)

    return adapter


@event_only
def lambda_handler(event):
    return {"orders": [], "path": event.get("path")}
