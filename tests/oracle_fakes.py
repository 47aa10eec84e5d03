"""An in-memory DynamoDB for the runtime oracle, as faithful about types as boto3 itself.

The low-level client speaks AttributeValue maps (numbers are strings: ``{"N": "19.99"}``);
the resource layer converts with boto3's own TypeSerializer/TypeDeserializer, so items
read through ``Table.get_item``/``query``/``scan``/``batch_get_item`` hold ``Decimal``
numbers exactly like the real service, and writing a float raises boto3's own TypeError.
Simplifications, none of which change a value's type: every key exists (a table nobody
wrote to holds ITEM_ATTRIBUTES, one the case wrote to holds what it wrote), ``query`` and
``scan`` ignore their conditions, ``update_item`` knows ``SET`` (``:v``, ``a + :v``,
``if_not_exists(a, :v)``) and ``ADD`` on top-level attributes. Writes go through boto3's
serializer, so a table written by the case reads back exactly as the real one would.
Items use the S, N, BOOL, M and L types only (string and number sets would come back as
Python sets). Any other AWS service raises, so a fixture never reaches the network.
"""

from __future__ import annotations

import re
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
    "visits": Decimal("41"),
}
QUERY_KEYS = ({"id": "1"}, {"id": "2"})
WRITTEN: dict[str, list[dict[str, Any]]] = {}  # table -> wire items the case put, in order


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
        written = WRITTEN.get(TableName)
        return {"Item": {**written[-1], **Key} if written else _stored_item(Key)}

    def query(self, *, TableName: str, **_options: Any) -> dict:
        items = WRITTEN.get(TableName) or [_stored_item(_to_wire(key)) for key in QUERY_KEYS]
        return {"Items": items, "Count": len(items), "ScannedCount": len(items)}

    scan = query

    def batch_get_item(self, *, RequestItems: dict, **_options: Any) -> dict:
        responses = {
            table: [_stored_item(key) for key in request["Keys"]]
            for table, request in RequestItems.items()
        }
        return {"Responses": responses, "UnprocessedKeys": {}}

    def put_item(self, *, TableName: str, Item: dict, **_options: Any) -> dict:
        WRITTEN.setdefault(TableName, []).append(Item)
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

    def update_item(
        self,
        *,
        Key: dict,
        UpdateExpression: str,
        ExpressionAttributeValues: dict | None = None,
        ExpressionAttributeNames: dict | None = None,
        ReturnValues: str = "NONE",
        **_options: Any,
    ) -> dict:
        values = _from_wire(_to_wire(ExpressionAttributeValues or {}))  # floats raise here too
        names = ExpressionAttributeNames or {}
        old = self.get_item(Key=Key)["Item"]
        new, updated = dict(old), {}
        for clause, actions in re.findall(
            r"(SET|ADD)\s+(.*?)(?=\s+(?:SET|ADD)\s|$)", UpdateExpression, re.IGNORECASE | re.DOTALL
        ):
            for action in re.split(r",(?![^(]*\))", actions):
                if clause.upper() == "ADD":
                    path, operand = action.split()
                    name = names.get(path, path)
                    updated[name] = new.get(name, 0) + values[operand]
                else:
                    path, expression = (part.strip() for part in action.split("=", 1))
                    name = names.get(path, path)
                    updated[name] = _operand_sum(expression, new, names, values)
                new[name] = updated[name]
        self.put_item(Item=new)
        attributes = {
            "ALL_NEW": new,
            "ALL_OLD": old,
            "UPDATED_NEW": updated,
            "UPDATED_OLD": {name: old[name] for name in updated if name in old},
        }.get(ReturnValues)
        # through the wire and back, as the service answers
        return {} if attributes is None else {"Attributes": _from_wire(_to_wire(attributes))}


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


def _operand_sum(expression: str, item: dict, names: dict, values: dict) -> Any:
    """``a + :n``, ``if_not_exists(a, :zero) + :n``, ``:v``: an update's SET value."""
    total: Any = None
    for sign, operand in re.findall(r"([+-]?)\s*((?:if_not_exists\([^)]*\))|[^\s+-]+)", expression):
        fallback = re.fullmatch(r"if_not_exists\(\s*([^,\s]+)\s*,\s*(\S+)\s*\)", operand)
        if fallback:
            name = names.get(fallback.group(1), fallback.group(1))
            term = item.get(name, values[fallback.group(2)])
        elif operand.startswith(":"):
            term = values[operand]
        else:
            term = item[names.get(operand, operand)]
        term = -term if sign == "-" else term
        total = term if total is None else total + term
    return total


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
    WRITTEN.clear()
    monkeypatch.setattr(boto3, "client", session.client)
    monkeypatch.setattr(boto3, "resource", session.resource)
    monkeypatch.setattr(boto3, "Session", FakeSession)
    monkeypatch.setattr(boto3.session, "Session", FakeSession)
