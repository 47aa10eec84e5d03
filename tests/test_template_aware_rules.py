"""The messages of the rules that read a function's deployment (LAM006's trigger loops,
LAM008), as a user sees them from the installed CLI on a SAM project."""

from __future__ import annotations

from pathlib import Path

from e2e import lambdalint, write

TEMPLATE = """\
Transform: AWS::Serverless-2016-10-31
Resources:
  Uploads:
    Type: AWS::S3::Bucket
  Resize:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: resize.handler
      Environment:
        Variables:
          BUCKET: !Ref Uploads
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Uploads
            Filter:
              S3Key:
                Rules:
                  - Name: prefix
                    Value: raw/
  Orders:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: orders.handler
      Events:
        Get:
          Type: Api
          Properties:
            Path: /orders
            Method: get
"""
RESIZE = """\
import os

import boto3

s3 = boto3.client("s3")


def handler(event, context):
    key = event["Records"][0]["s3"]["object"]["key"]
    s3.put_object(Bucket=os.environ["BUCKET"], Key="small/" + key, Body=b"")
    s3.put_object(Bucket=os.environ["BUCKET"], Key=key + ".small", Body=b"")
"""
ORDERS = """\
import json


def handler(event, context):
    if event.get("queryStringParameters"):
        return {"statusCode": "OK", "body": {"orders": []}}
    if event.get("body"):
        return json.dumps([])
    if event.get("headers"):
        return
    return {"body": "[]"}
"""
API = "its REST API (Api event of Orders, template.yaml:27), which"
MALFORMED = "answers 502 (Malformed Lambda proxy response)"
RESPONSE = 'return {"statusCode": 200, "body": json.dumps(...)}'
FINDINGS = [
    (
        f'orders.py:6:31: LAM008 "statusCode" is the string "OK" in the response to {API}'
        f" {MALFORMED}; use a number such as 200"
    ),
    (
        f'orders.py:6:45: LAM008 "body" is a dict in the response to {API} needs a string and'
        f" {MALFORMED}; pass it through json.dumps(...)"
    ),
    (
        f"orders.py:8:16: LAM008 handler 'handler' returns the string json.dumps(...) makes to"
        f" {API} {MALFORMED}; {RESPONSE}"
    ),
    f"orders.py:10:9: LAM008 handler 'handler' returns None to {API} {MALFORMED}; {RESPONSE}",
    (
        f"orders.py:11:12: LAM008 handler 'handler' returns a dict without \"statusCode\" to"
        f' {API} {MALFORMED}; add "statusCode": 200'
    ),
    # small/... lies outside the trigger's raw/ prefix; the event's own key does not
    (
        "resize.py:11:5: LAM006 this function writes to bucket Uploads, which triggers it"
        " (S3 event of Resize, template.yaml:9); every write invokes it again: write to another"
        " bucket or filter the trigger by prefix/suffix"
    ),
]


def test_each_finding_names_the_trigger_and_what_to_do(tmp_path: Path) -> None:
    project = write(tmp_path, {"template.yaml": TEMPLATE, "resize.py": RESIZE, "orders.py": ORDERS})
    run = lambdalint("check", ".", cwd=project)
    assert (run.stderr, run.code) == ("", 1)
    assert run.stdout.splitlines() == FINDINGS


def test_a_handler_also_configured_in_pyproject_keeps_its_template_triggers(tmp_path: Path) -> None:
    project = write(
        tmp_path,
        {
            "pyproject.toml": '[tool.lambdalint]\nhandlers = ["resize.handler", "orders.handler"]\n',
            "template.yaml": TEMPLATE,
            "resize.py": RESIZE,
            "orders.py": ORDERS,
        },
    )
    run = lambdalint("check", ".", cwd=project)
    assert run.stdout.splitlines() == FINDINGS
