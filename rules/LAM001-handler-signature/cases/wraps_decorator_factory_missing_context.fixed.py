# A decorator factory whose decorator returns a wraps pass-through wrapper keeps (event, context): context is missing.
from functools import wraps


def retry(times):
    def decorator(func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            for _ in range(times - 1):
                try:
                    return func(*args, **kwargs)
                except ConnectionError:
                    continue
            return func(*args, **kwargs)

        return wrapper

    return decorator


@retry(times=3)
def lambda_handler(event, _context=None):  # error: [LAM001]
    return {"orders": []}
