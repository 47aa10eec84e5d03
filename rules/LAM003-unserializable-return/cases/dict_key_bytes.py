# A bytes key: the runtime's simplejson decodes it as UTF-8; not reported.
def lambda_handler(event, context):
    return {b"raw": 1}
