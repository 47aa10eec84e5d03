# A helper behind a decorator lambdalint does not know: the decorator may convert the result.
import functools


def as_sorted_list(function):
    @functools.wraps(function)
    def wrapper(*args):
        return sorted(function(*args))
    return wrapper


@as_sorted_list
def tags(event):
    return {"new", "sale"}


def lambda_handler(event, context):
    return {"tags": tags(event)}
