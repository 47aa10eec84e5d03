# A class whose base lambdalint cannot see (UserDict is not a dict) stays silent: unsure.
# oracle: UserDict instances do not encode, but lambdalint does not know what UserDict is
from collections import UserDict


class Payload(UserDict):
    pass


def lambda_handler(event, context):
    return Payload(status="ok")
