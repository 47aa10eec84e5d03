# A module-level frozenset constant returned inside a list: frozensets do not encode either.
ALLOWED_METHODS = frozenset({"GET", "POST"})


def lambda_handler(event, context):
    return [event["httpMethod"], ALLOWED_METHODS]  # error: [LAM003]
