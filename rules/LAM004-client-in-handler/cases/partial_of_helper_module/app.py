# functools.partial() of a helper from another module, mapped over the event's files on every invocation: the helper runs per call, and so does the client it builds.
import functools
from concurrent.futures import ThreadPoolExecutor

from uploads import upload


def lambda_handler(event, context):
    with ThreadPoolExecutor() as pool:
        list(pool.map(functools.partial(upload, event["prefix"]), event["files"]))
    return {"ok": True}
