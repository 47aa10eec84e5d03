# A namedtuple instance: simplejson encodes it as an object (namedtuple_as_object).
from collections import namedtuple

Point = namedtuple("Point", "x y")


class Size(namedtuple("Size", "width height")):
    pass


def lambda_handler(event, context):
    return {"at": Point(1, 2), "size": Size(3, 4)}
