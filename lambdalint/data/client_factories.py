"""Calls that create an SDK client, a session or a connection (LAM004 client-in-handler).

Keys are qualified names as ``FileContext.qualified_name`` returns them, after import
aliases are resolved; values say what the call creates. ``X().method`` names a method
called on the result of ``X(...)``, wherever that object was created (module level too).
"""

from __future__ import annotations

AWS_SDK_FACTORIES: dict[str, str] = {
    "boto3.client": "a client for one AWS service, on boto3's default session",
    "boto3.resource": "a resource for one AWS service, on boto3's default session",
    "boto3.Session": "a boto3 session: credentials, region and loaded service models",
    "boto3.session.Session": "a boto3 session (the class behind boto3.Session)",
    "botocore.session.get_session": "a botocore session",
    "botocore.session.Session": "a botocore session",
    "aioboto3.Session": "an aioboto3 session",
    "aioboto3.session.Session": "an aioboto3 session (the class behind aioboto3.Session)",
}

# aioboto3 sessions are left out on purpose: their clients are async context managers
# bound to the running event loop, which asyncio.run creates anew on every invocation.
SESSION_CLIENT_FACTORIES: dict[str, str] = {
    "boto3.Session().client": "a client created from a boto3 session",
    "boto3.Session().resource": "a resource created from a boto3 session",
    "boto3.session.Session().client": "a client created from a boto3 session",
    "boto3.session.Session().resource": "a resource created from a boto3 session",
    "botocore.session.get_session().create_client": "a client created from a botocore session",
    "botocore.session.Session().create_client": "a client created from a botocore session",
}

CONNECTION_FACTORIES: dict[str, str] = {
    "pymysql.connect": "a MySQL connection",
    "psycopg2.connect": "a PostgreSQL connection",
    "psycopg.connect": "a PostgreSQL connection (psycopg 3)",
    "mysql.connector.connect": "a MySQL connection (MySQL Connector/Python)",
    "pg8000.connect": "a PostgreSQL connection (pg8000's legacy API)",
    "pg8000.dbapi.connect": "a PostgreSQL connection (pg8000's DB-API)",
    "pg8000.native.Connection": "a PostgreSQL connection (pg8000's native API)",
}

CONNECTION_POOL_FACTORIES: dict[str, str] = {
    "pymongo.MongoClient": "a MongoDB client and its connection pool",
    "redis.Redis": "a Redis client and its connection pool",
    "redis.StrictRedis": "a Redis client and its connection pool (legacy alias of Redis)",
    "redis.from_url": "a Redis client and its connection pool",
    "redis.Redis.from_url": "a Redis client and its connection pool",
    "redis.RedisCluster": "a Redis Cluster client and a connection pool per node",
    "redis.cluster.RedisCluster": "a Redis Cluster client and a connection pool per node",
    "valkey.Valkey": "a Valkey client and its connection pool",
    "valkey.Redis": "a Valkey client and its connection pool (the alias kept for redis-py code)",
    "valkey.from_url": "a Valkey client and its connection pool",
    "valkey.cluster.ValkeyCluster": "a Valkey Cluster client and a connection pool per node",
    "opensearchpy.OpenSearch": "an OpenSearch client and its HTTP connection pool",
    "elasticsearch.Elasticsearch": "an Elasticsearch client and its HTTP connection pool",
    "sqlalchemy.create_engine": "a SQLAlchemy engine and its connection pool",
    "requests.Session": "an HTTP session that keeps connections alive",
    "requests.session": "an HTTP session (the older, lower-case spelling of requests.Session())",
    "httpx.Client": "an HTTP client and its connection pool",
    "urllib3.PoolManager": "an HTTP connection pool manager",
    "urllib3.HTTPConnectionPool": "an HTTP connection pool for one host",
    "urllib3.HTTPSConnectionPool": "an HTTPS connection pool for one host",
    "urllib3.connection_from_url": "an HTTP(S) connection pool for one host",
}

# Async clients are left out on purpose, like aioboto3's: httpx.AsyncClient,
# opensearchpy.AsyncOpenSearch, elasticsearch.AsyncElasticsearch, redis.asyncio and valkey-glide's
# GlideClient.create keep connections bound to the running event loop, which asyncio.run creates
# anew on every invocation; one kept at module level fails on the next invocation.

# The keyword that hands a pool factory an existing pool: given it, the call opens no pool of
# its own (``redis.Redis(connection_pool=POOL)`` is a cheap wrapper around the shared pool).
SHARED_POOL_KEYWORDS: dict[str, str] = {
    "redis.Redis": "connection_pool",
    "redis.StrictRedis": "connection_pool",
    "valkey.Valkey": "connection_pool",
    "valkey.Redis": "connection_pool",
}

# Helpers only CloudFormation custom resource handlers import: such a handler runs on stack
# operations, not on traffic.
CUSTOM_RESOURCE_MODULES = frozenset({"cfnresponse", "crhelper"})
