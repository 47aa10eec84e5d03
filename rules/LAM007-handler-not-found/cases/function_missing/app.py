# app.py exists but has no top-level "handler" (only a method and a nested def): reported.
class Api:
    def handler(self, event, context):
        return {}


def lambda_handler(event, context):
    def handler(inner_event, inner_context):
        return {}

    return handler(event, context)
