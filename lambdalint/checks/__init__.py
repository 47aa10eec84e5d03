"""One module per rule, named after the rule. Registering a rule is one line here."""

from lambdalint.checks.async_handler import AsyncHandler
from lambdalint.checks.handler_not_found import HandlerNotFound

CHECKS = [
    AsyncHandler,
    HandlerNotFound,
]
