# A registering decorator returns the function unchanged, but lambdalint does not know that and stays silent.
# oracle: a known false negative: lambdalint does not look inside decorators without functools.wraps
ROUTES = []


def register(func):
    ROUTES.append(func)
    return func


@register
def lambda_handler(event):
    return {"orders": []}
