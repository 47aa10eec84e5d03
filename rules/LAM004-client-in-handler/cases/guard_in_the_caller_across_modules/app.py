# The helpers in clients.py build their clients only under a cache guard in this module (a global set while empty, a flag, a cached function) or from a function that runs once per environment: once per environment, not reported there. The one called on every invocation is.
import functools

import clients
from clients import secrets_client, table_resource

_table = None
_warm = False


@functools.lru_cache(maxsize=None)
def _secret(name):
    return secrets_client().get_secret_value(SecretId=name)["SecretString"]


def _load():
    return clients.config_client()


_config = None


def lambda_handler(event, context):
    global _table, _warm, _config
    if _table is None:
        _table = table_resource()
    if not _warm:
        clients.warm_up()
        _warm = True
    if _config is None:
        _config = _load()
    queue = clients.queue_client()
    queue.send_message(QueueUrl=_config, MessageBody=_secret(event["secret"]))
    return {"ok": True}
