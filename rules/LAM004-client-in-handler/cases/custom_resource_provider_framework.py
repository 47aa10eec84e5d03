# A CDK provider-framework custom resource imports neither cfnresponse nor crhelper, but its handler reads RequestType: it runs on stack operations only, not reported.
import os

import boto3
from opensearchpy import OpenSearch


def _create_index(host, name):
    boto3.client("opensearchserverless").batch_get_collection(names=[name])
    client = OpenSearch(hosts=[{"host": host, "port": 443}], use_ssl=True)
    client.indices.create(index=name, body={"settings": {"index.knn": True}})


def handler(event, context):
    if event["RequestType"] == "Create":
        _create_index(os.environ["COLLECTION_HOST"], event["LogicalResourceId"].lower())
    return {"PhysicalResourceId": event.get("PhysicalResourceId", "index")}
