# A functools.wraps decorator that passes *args, **kwargs through keeps (event, context): the handler lacks the context.
import functools
import time


def timed(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        started = time.monotonic()
        try:
            return func(*args, **kwargs)
        finally:
            print(f"took {time.monotonic() - started:.3f}s")

    return wrapper


@timed
def lambda_handler(event, _context=None):  # error: [LAM001]
    return {"orders": []}
