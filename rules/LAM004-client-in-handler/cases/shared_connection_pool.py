# A Redis client around a module-level pool opens no pool of its own: nothing to report.
import os

import redis

POOL = redis.ConnectionPool.from_url(os.environ["REDIS_URL"])


def lambda_handler(event, context):
    cache = redis.Redis(connection_pool=POOL)
    strict = redis.StrictRedis(connection_pool=POOL, decode_responses=True)
    return {"hits": cache.get(event["key"]), "misses": strict.get(event["other"])}
