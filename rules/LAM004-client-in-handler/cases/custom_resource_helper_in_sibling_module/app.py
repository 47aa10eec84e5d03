# A CDK provider-framework handler (it reads RequestType) runs on stack operations only; the client its helper module builds is no per-invocation cost worth reporting.
from setup import create_index


def on_event(event, context):
    if event["RequestType"] == "Create":
        create_index(event["ResourceProperties"]["IndexName"])
    return {"PhysicalResourceId": "index"}
