# The handler imports a helper module but calls only its client-free function, and the helper's own client is made at import: nothing runs per invocation.
import helpers


def lambda_handler(event, context):
    return helpers.describe(event)
