# Nested UTF-8 bytes are decoded to a string by simplejson: not reported.
def lambda_handler(event, context):
    return {"greeting": "hello".encode(), "raw": b"plain ascii"}
