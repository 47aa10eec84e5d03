# The result of a call lambdalint does not know is unknown: never reported.
import os


def lambda_handler(event, context):
    return {"cwd": os.getcwd(), "pid": os.getpid()}
