# Payload format 2.0 (HTTP APIs, function URLs) sends a return value without statusCode as a 200 JSON body: not reported.
def health(event, context):
    return {"healthy": True}


def version(event, context):
    return "1.4.2"
