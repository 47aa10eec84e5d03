"""One module per rule, named after the rule. Registering a rule is one line here."""

from lambdalint.checks.api_response_shape import ApiResponseShape
from lambdalint.checks.async_handler import AsyncHandler
from lambdalint.checks.client_in_handler import ClientInHandler
from lambdalint.checks.handler_not_found import HandlerNotFound
from lambdalint.checks.handler_signature import HandlerSignature
from lambdalint.checks.hardcoded_bucket import HardcodedBucket
from lambdalint.checks.recursive_invocation import RecursiveInvocation
from lambdalint.checks.unserializable_return import UnserializableReturn

CHECKS = [
    ApiResponseShape,
    AsyncHandler,
    ClientInHandler,
    HandlerNotFound,
    HandlerSignature,
    HardcodedBucket,
    RecursiveInvocation,
    UnserializableReturn,
]
