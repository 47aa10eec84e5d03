# Search, cache, PostgreSQL and HTTP pool clients built in the handler or a helper it calls: a new connection or pool per invocation each.
import os

import pg8000
import pg8000.dbapi
import urllib3
import valkey
from elasticsearch import Elasticsearch
from opensearchpy import OpenSearch
from pg8000.native import Connection
from redis.cluster import RedisCluster
from valkey.cluster import ValkeyCluster


def _search():
    return OpenSearch(hosts=[{"host": os.environ["SEARCH_HOST"], "port": 443}], use_ssl=True)  # error: [LAM004]


legacy = Elasticsearch(os.environ["ELASTIC_URL"])  # error: [LAM004]


cluster = RedisCluster(host=os.environ["REDIS_HOST"])  # error: [LAM004]


cache = valkey.Valkey(host=os.environ["VALKEY_HOST"])  # error: [LAM004]


from_url = valkey.from_url(os.environ["VALKEY_URL"])  # error: [LAM004]


valkey_cluster = ValkeyCluster(host=os.environ["VALKEY_HOST"])  # error: [LAM004]


native = Connection(os.environ["DB_USER"], host=os.environ["DB_HOST"])  # error: [LAM004]


legacy_pg = pg8000.connect(os.environ["DB_USER"], host=os.environ["DB_HOST"])  # error: [LAM004]


dbapi_pg = pg8000.dbapi.connect(os.environ["DB_USER"], host=os.environ["DB_HOST"])  # error: [LAM004]


pool = urllib3.HTTPSConnectionPool(os.environ["API_HOST"])  # error: [LAM004]


from_pool_url = urllib3.connection_from_url(os.environ["API_URL"])  # error: [LAM004]


def lambda_handler(event, context):
    hits = _search().search(index="orders", body={"query": {"match_all": {}}})
    results = [hits, legacy.info(), cluster.ping(), cache.ping(), from_url.ping(), valkey_cluster.ping(),
               native.run("SELECT 1"), legacy_pg.cursor(), dbapi_pg.cursor(),
               pool.request("GET", "/").status, from_pool_url.request("GET", "/").status]
    return {"checks": len(results)}
