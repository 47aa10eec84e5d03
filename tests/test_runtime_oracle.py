"""The Lambda runtime is the oracle for LAM001-LAM003.

Every case of those rules is imported here (lambdalint itself never imports what it
checks), each handler lambdalint finds in it is called the way awslambdaric's
``bootstrap.handle_event_request`` calls it, and the response is encoded with the
runtime's own marshaller. lambdalint must report a case exactly when that fails.

A case may opt out with a line ``# oracle: <reason>`` only where lambdalint is
deliberately silent; the test then checks that it is silent and that the case really
fails, so the opt-out records a known false negative instead of hiding one.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import libcst as cst
import pytest
from awslambdaric.lambda_context import LambdaContext
from awslambdaric.lambda_runtime_exception import FaultException
from awslambdaric.lambda_runtime_marshaller import LambdaMarshaller
from cases import Case, all_cases
from oracle_fakes import install_fake_aws

from lambdalint.analysis import FileContext
from lambdalint.engine import handler_targets
from lambdalint.runner import Options, Run, lint

ORACLE_CODES = ("LAM001", "LAM002", "LAM003")
FIXTURES = [case for case in all_cases() if case.code in ORACLE_CODES]
OPT_OUT = re.compile(r"^#\s*oracle:\s*(?P<reason>\S.*)$", re.MULTILINE)
FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:oracle"
# An API Gateway REST proxy event, complete enough for Powertools' event_parser models.
EVENT = {
    "resource": "/orders/{id}",
    "path": "/orders/42",
    "httpMethod": "GET",
    "headers": {"Accept": "application/json", "Host": "api.example.com"},
    "multiValueHeaders": {"Accept": ["application/json"], "Host": ["api.example.com"]},
    "queryStringParameters": {"limit": "10"},
    "multiValueQueryStringParameters": {"limit": ["10"]},
    "pathParameters": {"id": "42"},
    "stageVariables": None,
    "requestContext": {
        "accountId": "123456789012",
        "apiId": "abcdef1234",
        "resourceId": "res123",
        "resourcePath": "/orders/{id}",
        "httpMethod": "GET",
        "path": "/prod/orders/42",
        "protocol": "HTTP/1.1",
        "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        "requestTime": "14/Nov/2023:22:13:20 +0000",
        "requestTimeEpoch": 1700000000000,
        "stage": "prod",
        "identity": {"sourceIp": "203.0.113.7", "userAgent": "curl/8.0"},
    },
    "body": None,
    "isBase64Encoded": False,
}


@dataclass(frozen=True)
class HandlerLocation:
    """Where the runtime finds a handler: code root on sys.path, module, function."""

    file: Path
    code_root: Path
    module: str
    function: str


def handler_locations(case: Case) -> list[HandlerLocation]:
    """The handlers of a case, found by lambdalint's own discovery and configuration."""
    run = Run(Options(paths=[str(case.path)]))
    locations = []
    for file in run.files():
        source = file.read_bytes()
        context = FileContext(cst.parse_module(source), file)
        context.find_handlers(handler_targets(run.task(file), source) or ())
        for handler in context.handlers:
            spec = handler.target.spec if handler.target is not None else None
            if spec is None:  # found by naming convention: the file's own directory
                locations.append(HandlerLocation(file, file.parent, file.stem, handler.name))
            else:
                module = spec.handler.rsplit(".", 1)[0].replace("/", ".")
                locations.append(HandlerLocation(file, spec.code_root, module, handler.name))
    return locations


@contextmanager
def fresh_imports(case: Case) -> Iterator[None]:
    """sys.path and sys.modules as before once done: every case gets its own modules."""
    saved_path = sys.path[:]
    saved_modules = set(sys.modules)
    saved_bytecode_flag = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # keep __pycache__ out of rules/
    try:
        yield
    finally:
        sys.dont_write_bytecode = saved_bytecode_flag
        sys.path[:] = saved_path
        for name in set(sys.modules) - saved_modules:
            if _is_within(getattr(sys.modules[name], "__file__", None), case.path):
                del sys.modules[name]


def _is_within(file: str | None, case_path: Path) -> bool:
    return file is not None and Path(file).resolve().is_relative_to(case_path.resolve())


def load_handler(case: Case, location: HandlerLocation) -> Callable:
    """Import the handler's module as the runtime would and look the handler up."""
    if case.path.is_dir():
        # the runtime puts the code root first on sys.path and imports the dotted module
        top_level = location.module.split(".")[0]
        # imported already by another handler of this case's modules, or else shadowed
        loaded = sys.modules.get(top_level)
        assert loaded is None or _is_within(getattr(loaded, "__file__", None), case.path), (
            f"{case.id}: module name {top_level!r} is already imported by the test process;"
            " rename it so the case is not shadowed"
        )
        sys.path.insert(0, str(location.code_root))
        module = importlib.import_module(location.module)
    else:
        # a lone file, under a name of its own: its siblings are other cases, not its modules
        name = "oracle_" + re.sub(r"\W", "_", case.id)
        spec = importlib.util.spec_from_file_location(name, location.file)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return getattr(module, location.function)


def invoke_like_the_runtime(handler: Callable) -> str | None:
    """Why calling and encoding fails, as awslambdaric's bootstrap sees it; None if it works."""
    marshaller = LambdaMarshaller()
    event = marshaller.unmarshal_request(json.dumps(EVENT))
    context = LambdaContext(
        "oracle-request", None, None, int(time.time() * 1000) + 30_000, FUNCTION_ARN
    )
    response = None
    try:
        response = handler(event, context)
        body, content_type = marshaller.marshal_response(response)
    except FaultException as fault:
        return f"{fault.exception_type}: {fault.msg}"
    except Exception as error:  # noqa: BLE001 - the runtime reports any exception as a failure
        return f"{type(error).__name__}: {error}"
    finally:
        if inspect.iscoroutine(response):
            response.close()  # never awaited, as in the runtime; closed to keep warnings quiet
    if content_type == "application/json":
        return _not_strict_json(body)
    return None  # top-level bytes pass through untouched


def _not_strict_json(body: str) -> str | None:
    """The marshaller encodes with allow_nan=True, so NaN and infinite floats come out as
    the bare tokens NaN/Infinity/-Infinity: not JSON by RFC 8259, and rejected by API
    Gateway clients, JSON.parse and json.loads without its lenient default alike."""

    def reject(token: str) -> None:
        raise ValueError(f"the response holds {token}, which is not JSON")

    try:
        json.loads(body, parse_constant=reject)
    except ValueError as error:
        return f"Runtime response is not strict JSON: {error}"
    return None


def runtime_failures(case: Case, monkeypatch: pytest.MonkeyPatch) -> dict[str, str | None]:
    """``module.function`` -> why the runtime fails it (None when it works), per handler."""
    outcomes: dict[str, str | None] = {}
    with fresh_imports(case), monkeypatch.context() as patches:
        install_fake_aws(patches)
        for location in handler_locations(case):
            try:
                handler = load_handler(case, location)
            except Exception as error:  # noqa: BLE001 - Runtime.ImportModuleError and friends
                outcome = f"import failed: {type(error).__name__}: {error}"
            else:
                outcome = invoke_like_the_runtime(handler)
            outcomes[f"{location.module}.{location.function}"] = outcome
    return outcomes


def lambdalint_findings(case: Case) -> list[str]:
    return [
        f"{d.path.name}:{d.line}: {d.code} {d.message}"
        for d in lint(Options(paths=[str(case.path)])).diagnostics
        if d.code in ORACLE_CODES
    ]


def opt_out_reason(case: Case) -> str | None:
    for file in case.files():
        match = OPT_OUT.search(file.read_text(encoding="utf-8"))
        if match:
            return match.group("reason")
    return None


@pytest.mark.parametrize("case", FIXTURES, ids=[case.id for case in FIXTURES])
def test_lambdalint_reports_exactly_the_cases_the_runtime_fails(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    outcomes = runtime_failures(case, monkeypatch)
    if not outcomes:
        pytest.skip("the case defines no handler, so the runtime has nothing to call")
    failures = {handler: why for handler, why in outcomes.items() if why is not None}
    findings = lambdalint_findings(case)
    said = f"lambdalint: {findings or 'silent'}; runtime: {failures or 'every handler works'}"
    if opt_out_reason(case) is not None:
        assert not findings and failures, (
            f"an '# oracle:' opt-out is for a failing case lambdalint is silent on; {said}"
        )
    else:
        assert bool(findings) == bool(failures), said


# -- the oracle itself: it must be able to tell a failure from a success -------------------


@pytest.mark.parametrize(
    "response",
    [
        {"statusCode": 200, "body": "[]"},
        [1, 2.5, None, True, "text"],
        b"\x89PNG raw bytes pass through",
    ],
    ids=["dict", "list", "bytes"],
)
def test_the_oracle_accepts_what_the_runtime_encodes(response) -> None:
    assert invoke_like_the_runtime(lambda event, context: response) is None


@pytest.mark.parametrize(
    "handler, failure",
    [
        (lambda event: {}, "TypeError: <lambda>() takes 1 positional argument but 2 were given"),
        (
            lambda event, context: {1, 2},
            (
                "Runtime.MarshalError: Unable to marshal response:"
                " Object of type set is not JSON serializable"
            ),
        ),
        (
            lambda event, context: {"total": float("nan")},
            "Runtime response is not strict JSON: the response holds NaN, which is not JSON",
        ),
    ],
    ids=["signature", "set", "nan"],
)
def test_the_oracle_reports_what_the_runtime_rejects(handler, failure) -> None:
    assert invoke_like_the_runtime(handler) == failure


def test_the_oracle_passes_the_event_and_a_runtime_context() -> None:
    seen = {}

    def handler(event, context):
        seen.update(
            path=event["path"],
            arn=context.invoked_function_arn,
            remaining=context.get_remaining_time_in_millis(),
        )

    assert invoke_like_the_runtime(handler) is None
    assert seen["path"] == "/orders/42" and seen["arn"] == FUNCTION_ARN
    assert 0 < seen["remaining"] <= 30_000


def test_the_fake_dynamodb_types_values_like_boto3(monkeypatch: pytest.MonkeyPatch) -> None:
    from decimal import Decimal

    import boto3

    install_fake_aws(monkeypatch)
    table = boto3.resource("dynamodb").Table("orders")
    item = table.get_item(Key={"id": "42"})["Item"]
    assert item["id"] == "42" and item["price"] == Decimal("19.99")
    assert all(isinstance(row["quantity"], Decimal) for row in table.query()["Items"])
    wire = boto3.client("dynamodb").get_item(TableName="orders", Key={"id": {"S": "42"}})
    assert wire["Item"]["price"] == {"N": "19.99"}
    with pytest.raises(TypeError, match="Float types are not supported"):
        table.put_item(Item={"id": "1", "price": 19.99})
    with pytest.raises(NotImplementedError, match="'s3'"):
        boto3.client("s3")
