"""One module per rule, named after the rule. Registering a rule is one line here.

The table names each rule's module and class without importing them: listing or
validating codes never pays for the rules' imports (libcst). ``CHECKS``, the rule
classes, is imported on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lambdalint.check import Check

REGISTERED = {
    "LAM001": "handler_signature.HandlerSignature",
    "LAM002": "async_handler.AsyncHandler",
    "LAM003": "unserializable_return.UnserializableReturn",
    "LAM004": "client_in_handler.ClientInHandler",
    "LAM005": "hardcoded_bucket.HardcodedBucket",
    "LAM006": "recursive_invocation.RecursiveInvocation",
    "LAM007": "handler_not_found.HandlerNotFound",
    "LAM008": "api_response_shape.ApiResponseShape",
}
CHECKS: list[type[Check]]  # bound by __getattr__ on first use


def __getattr__(name: str) -> list[type[Check]]:
    if name != "CHECKS":
        raise AttributeError(name)
    global CHECKS
    CHECKS = [_imported(entry) for entry in REGISTERED.values()]
    return CHECKS


def _imported(entry: str) -> type[Check]:
    module, _, class_name = entry.partition(".")
    rule: type[Check] = getattr(import_module(f"{__name__}.{module}"), class_name)
    return rule
