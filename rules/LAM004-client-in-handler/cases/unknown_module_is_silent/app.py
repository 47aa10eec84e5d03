# Names lambdalint cannot follow reach nothing: a module not in the code root, a method called on an instance the code does not bind, a name either of two star imports may bind, a name bound twice.
import os

from clients import Factory
from missing_module import *  # noqa: F403
from missing_module import make_client
from wildcard import *  # noqa: F403

if os.environ.get("LOCAL"):
    from local_helpers import connect
else:
    from helpers import connect


def lambda_handler(event, context):
    make_client()
    Factory().create()
    build()  # noqa: F405
    return connect()
