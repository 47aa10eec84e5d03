# A tenant's database host and a search endpoint taken from the event: reported, with advice to cache one connection per host.
import os

import pymysql
from opensearchpy import OpenSearch


def lambda_handler(event, context):
    tenant = event["pathParameters"]["tenant"]
    connection = pymysql.connect(host=f"{tenant}.db.internal", user=os.environ["DB_USER"])  # error: [LAM004]
    search = OpenSearch(hosts=[event["search_host"]])  # error: [LAM004]
    tenant_db = pymysql.connect(host=event["tenant_host"], user=os.environ["DB_USER"])  # error: [LAM004]
    return {"tables": [connection.open, tenant_db.open, search.info()]}
