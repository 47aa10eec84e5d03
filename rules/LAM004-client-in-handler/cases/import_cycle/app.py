# Two modules that import each other and recurse: the cycle is followed once, and the creation in it is reported once.
from walker import walk


def lambda_handler(event, context):
    return walk(event["depth"])
