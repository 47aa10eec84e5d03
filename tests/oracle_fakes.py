"""An in-memory DynamoDB for the runtime oracle, as faithful about types as boto3 itself.

The low-level client speaks AttributeValue maps (numbers are strings: ``{"N": "19.99"}``);
the resource layer converts with boto3's own TypeSerializer/TypeDeserializer, so items
read through ``Table.get_item``/``query``/``scan``/``batch_get_item`` hold ``Decimal``
numbers exactly like the real service, and writing a float raises boto3's own TypeError.
Simplifications, none of which change a value's type: every key exists, ``query`` and
``scan`` ignore their conditions and return two items, writes go through boto3's
serializer and are dropped.
Items use the S, N, BOOL, M and L types only (string and number sets would come back as
Python sets). Any other AWS service raises, so a fixture never reaches the network.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import boto3
import boto3.session
from boto3.dynamodb.types import TypeDeserializer, TypeSerializer

SERIALIZER = TypeSerializer()
DESERIALIZER = TypeDeserializer()
ITEM_ATTRIBUTES = {
    "name": "Widget",
    "price": Decimal("19.99"),
    "quantity": Decimal("3"),
    "active": True,
    "dimensions": {"width": Decimal("2.5"), "unit": "cm"},
    "ratings": [Decimal("4"), Decimal("5")],
}
QUERY_KEYS = ({"id": "1"}, {"id": "2"})


def _to_wire(item: dict[str, Any]) -> dict[str, Any]:
    return {name: SERIALIZER.serialize(value) for name, value in item.items()}


def _from_wire(item: dict[str, Any]) -> dict[str, Any]:
    return {name: DESERIALIZER.deserialize(value) for name, value in item.items()}


def _stored_item(wire_key: dict[str, Any]) -> dict[str, Any]:
    return _to_wire({**ITEM_ATTRIBUTES, **_from_wire(wire_key)})


def _decoded_items(response: dict) -> dict:
    return {**response, "Items": [_from_wire(item) for item in response["Items"]]}


class FakeDynamoDBClient:
    """``boto3.client("dynamodb")``: AttributeValue maps in and out."""

    def get_item(self, *, TableName: str, Key: dict, **_options: Any) -> dict:
        return {"Item": _stored_item(Key)}

    def query(self, *, TableName: str, **_options: Any) -> dict:
        items = [_stored_item(_to_wire(key)) for key in QUERY_KEYS]
        return {"Items": items, "Count": len(items), "ScannedCount": len(items)}

    scan = query

    def batch_get_item(self, *, RequestItems: dict, **_options: Any) -> dict:
        responses = {
            table: [_stored_item(key) for key in request["Keys"]]
            for table, request in RequestItems.items()
        }
        return {"Responses": responses, "UnprocessedKeys": {}}

    def put_item(self, *, TableName: str, Item: dict, **_options: Any) -> dict:
        return {}


class FakeTable:
    """``boto3.resource("dynamodb").Table(name)``: Python values in, Decimals out."""

    def __init__(self, client: FakeDynamoDBClient, name: str) -> None:
        self.client = client
        self.name = name
        self.table_name = name

    def get_item(self, *, Key: dict, **options: Any) -> dict:
        response = self.client.get_item(TableName=self.name, Key=_to_wire(Key), **options)
        return {"Item": _from_wire(response["Item"])}

    def query(self, **options: Any) -> dict:
        return _decoded_items(self.client.query(TableName=self.name, **options))

    def scan(self, **options: Any) -> dict:
        return _decoded_items(self.client.scan(TableName=self.name, **options))

    def put_item(self, *, Item: dict, **options: Any) -> dict:
        return self.client.put_item(TableName=self.name, Item=_to_wire(Item), **options)


class FakeDynamoDBResource:
    def __init__(self) -> None:
        self.client = FakeDynamoDBClient()

    def Table(self, name: str) -> FakeTable:
        return FakeTable(self.client, name)

    def batch_get_item(self, *, RequestItems: dict, **options: Any) -> dict:
        wire_request = {
            table: {**request, "Keys": [_to_wire(key) for key in request["Keys"]]}
            for table, request in RequestItems.items()
        }
        response = self.client.batch_get_item(RequestItems=wire_request, **options)
        responses = {
            table: [_from_wire(item) for item in items]
            for table, items in response["Responses"].items()
        }
        return {**response, "Responses": responses}


def _only_dynamodb(service_name: str) -> None:
    if service_name != "dynamodb":
        raise NotImplementedError(
            f"the runtime oracle fakes only DynamoDB, not {service_name!r}; keep AWS calls"
            " in LAM001-LAM003 fixtures to DynamoDB or extend tests/oracle_fakes.py"
        )


class FakeSession:
    def __init__(self, *_args: Any, **_options: Any) -> None:
        pass

    def client(self, service_name: str, *_args: Any, **_options: Any) -> FakeDynamoDBClient:
        _only_dynamodb(service_name)
        return FakeDynamoDBClient()

    def resource(self, service_name: str, *_args: Any, **_options: Any) -> FakeDynamoDBResource:
        _only_dynamodb(service_name)
        return FakeDynamoDBResource()


def install_fake_aws(monkeypatch) -> None:
    """Route boto3's factories to the fakes until the monkeypatch is undone."""
    session = FakeSession()
    monkeypatch.setattr(boto3, "client", session.client)
    monkeypatch.setattr(boto3, "resource", session.resource)
    monkeypatch.setattr(boto3, "Session", FakeSession)
    monkeypatch.setattr(boto3.session, "Session", FakeSession)
