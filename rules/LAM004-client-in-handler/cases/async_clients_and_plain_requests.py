# Async clients bound to the event loop asyncio.run makes per invocation, one-shot requests and a Valkey client around a shared pool: nothing to report.
import asyncio
import os

import httpx
import requests
import urllib3
import valkey
from opensearchpy import AsyncOpenSearch

POOL = valkey.ConnectionPool.from_url(os.environ["VALKEY_URL"])


async def _fetch(url):
    async with httpx.AsyncClient() as client:
        search = AsyncOpenSearch(hosts=[os.environ["SEARCH_HOST"]])
        try:
            return (await client.get(url)).status_code, await search.info()
        finally:
            await search.close()


def lambda_handler(event, context):
    status, info = asyncio.run(_fetch(os.environ["SERVICE_URL"]))
    plain = requests.get(os.environ["SERVICE_URL"], timeout=5).status_code
    once = urllib3.request("GET", os.environ["SERVICE_URL"]).status
    cached = valkey.Valkey(connection_pool=POOL).get(event["key"])
    return {"status": [status, plain, once], "info": info, "cached": cached}
