# Connection pools and HTTP sessions built in the handler: a new pool per invocation each.
import os

import httpx
import pymongo
import redis
import requests
import sqlalchemy
import urllib3
from redis import Redis, StrictRedis


mongo = pymongo.MongoClient(os.environ["MONGO_URL"])  # error: [LAM004]


cache = redis.Redis(host=os.environ["REDIS_HOST"])  # error: [LAM004]


strict = StrictRedis(host=os.environ["REDIS_HOST"])  # error: [LAM004]


from_url = redis.from_url(os.environ["REDIS_URL"])  # error: [LAM004]


class_from_url = Redis.from_url(os.environ["REDIS_URL"])  # error: [LAM004]


engine = sqlalchemy.create_engine(os.environ["DATABASE_URL"])  # error: [LAM004]


session = requests.Session()  # error: [LAM004]


client = httpx.Client()  # error: [LAM004]


pool = urllib3.PoolManager()  # error: [LAM004]


def lambda_handler(event, context):
    url = os.environ["SERVICE_URL"]
    results = [mongo.server_info(), cache.ping(), strict.ping(), from_url.ping(),
               class_from_url.ping(), engine.dispose(), session.get(url).status_code,
               client.get(url).status_code, pool.request("GET", url).status]
    return {"checks": len(results)}
