"""What the Lambda runtime and the standard library's json can encode, and where values come from.

Ground truth is the runtime interface client's marshaller (awslambdaric
``lambda_runtime_marshaller.py``): simplejson with ``use_decimal=False``, a ``default``
that turns Decimal into a raw number, and ``allow_nan=True``; top-level ``bytes`` pass
through untouched. Names are qualified names as ``FileContext.qualified_name`` returns them.
"""

from __future__ import annotations

from enum import Enum


class Kind(Enum):
    """A family of values that some JSON encoder rejects."""

    SET = "set"
    DATETIME = "datetime"
    DURATION = "timedelta"
    UUID = "uuid"
    ENUM_MEMBER = "enum member"
    NON_FINITE = "non-finite float"
    GENERATOR = "generator"
    ITERATOR = "iterator"
    INSTANCE = "instance"
    CALLABLE = "callable"
    COROUTINE = "coroutine"
    OPEN_FILE = "open file"
    DECIMAL = "decimal"
    BYTES = "bytes"
    KEY = "dict key"  # a dict key neither encoder accepts: a tuple, a date, a Decimal...
    BYTES_KEY = "bytes dict key"  # the runtime decodes it; stdlib json rejects it


# The runtime encodes Decimal (its default hook) and bytes (passed through, or decoded
# as UTF-8 when nested); NaN and infinities do not raise but come out as the bare tokens
# NaN/Infinity, which strict JSON parsers reject.
RUNTIME_REJECTS = frozenset(Kind) - {Kind.DECIMAL, Kind.BYTES, Kind.BYTES_KEY}
# json.dumps writes NaN as a bare token too, but whether its string must be strict JSON
# depends on who reads it (a Python reader accepts NaN): unsure, so not reported.
STDLIB_JSON_REJECTS = frozenset(Kind) - {Kind.NON_FINITE}
KEY_KINDS = frozenset({Kind.KEY, Kind.BYTES_KEY})
# Keys both encoders accept: str, int, float, bool, None (and bytes in the runtime). Of the
# hashable values lambdalint can tell apart, these are rejected as keys, whatever the hooks.
KEY_REJECTED_KINDS = frozenset(
    {
        Kind.DATETIME,
        Kind.DURATION,
        Kind.UUID,
        Kind.DECIMAL,
        Kind.ENUM_MEMBER,
    }
)
KEY_REJECTED_SHAPES = frozenset({"tuple", "frozenset"})  # a set is unhashable: no key at all

ADVICE = {
    Kind.SET: "convert it to a list (sorted(...))",
    Kind.DATETIME: "convert it with .isoformat()",
    Kind.DURATION: "convert it with .total_seconds()",
    Kind.UUID: "convert it with str(...)",
    Kind.ENUM_MEMBER: "use its .value (or derive the class from str/IntEnum)",
    Kind.NON_FINITE: "use None or a string instead",
    Kind.GENERATOR: "collect it with list(...)",
    Kind.ITERATOR: "collect it with list(...)",
    Kind.INSTANCE: "convert it to a dict (dataclasses.asdict(...) or a to_dict method)",
    Kind.CALLABLE: "use the data, not the callable",
    Kind.COROUTINE: "run it with asyncio.run(...) and use its result",
    Kind.OPEN_FILE: "use its content (.read()), not the file object",
    Kind.DECIMAL: "pass default=str or convert the numbers",
    Kind.BYTES: "decode it (.decode()) or pass default=",
    Kind.KEY: "use a string key",
    Kind.BYTES_KEY: "use a string key",
}

# Calls whose result is a value of one rejected kind: qualified name -> (kind, type name).
FACTORIES: dict[str, tuple[Kind, str]] = {
    "builtins.set": (Kind.SET, "set"),
    "builtins.frozenset": (Kind.SET, "frozenset"),
    **{f"datetime.{cls}": (Kind.DATETIME, cls) for cls in ("datetime", "date", "time")},
    "datetime.timedelta": (Kind.DURATION, "timedelta"),
    **{
        f"datetime.datetime.{method}": (Kind.DATETIME, "datetime")
        for method in (
            "now",
            "utcnow",
            "today",
            "fromtimestamp",
            "utcfromtimestamp",
            "fromisoformat",
            "fromordinal",
            "strptime",
            "combine",
        )
    },
    **{
        f"datetime.date.{method}": (Kind.DATETIME, "date")
        for method in ("today", "fromtimestamp", "fromisoformat", "fromordinal")
    },
    "datetime.time.fromisoformat": (Kind.DATETIME, "time"),
    **{
        f"uuid.{factory}": (Kind.UUID, "UUID")
        for factory in ("UUID", "uuid1", "uuid3", "uuid4", "uuid5")
    },
    **{
        f"builtins.{lazy}": (Kind.ITERATOR, f"{lazy} iterator")
        for lazy in ("map", "filter", "zip", "reversed", "enumerate")
    },
    "builtins.iter": (Kind.ITERATOR, "iterator"),
    "builtins.range": (Kind.ITERATOR, "range object"),
    **{f"{module}.open": (Kind.OPEN_FILE, "open file") for module in ("builtins", "io")},
    "decimal.Decimal": (Kind.DECIMAL, "Decimal"),
    "builtins.bytes": (Kind.BYTES, "bytes object"),
}

# Calls that build a new container holding the elements of their iterable arguments: the
# container may be fine while what it holds is not (list({...}) is fine, sorted(dates) is not).
ELEMENT_KEEPING = frozenset(
    {
        "builtins.list",
        "builtins.tuple",
        "builtins.sorted",
        "builtins.dict",
        "builtins.set",
        "builtins.frozenset",
        "builtins.filter",
        "builtins.zip",
        "builtins.reversed",
        "builtins.enumerate",
        "builtins.iter",
    }
)

# Views returned by these methods of a dict.
DICT_VIEWS = {"keys": "dict_keys view", "values": "dict_values view", "items": "dict_items view"}

# Constants that are NaN or infinite floats.
NON_FINITE_CONSTANTS = frozenset({"math.inf", "math.nan", "cmath.inf", "cmath.nan"})
NON_FINITE_SPELLINGS = frozenset({"nan", "inf", "infinity", "snan"})

# Base classes whose instances or members the runtime encodes.
ENCODABLE_BUILTIN_BASES = frozenset(
    {
        "builtins.dict",
        "builtins.list",
        "builtins.tuple",
        "builtins.str",
        "builtins.int",
        "builtins.float",
    }
)
ENCODABLE_ENUM_BASES = frozenset({"enum.IntEnum", "enum.IntFlag", "enum.StrEnum"})
PLAIN_ENUM_BASES = frozenset({"enum.Enum", "enum.Flag"})
NAMEDTUPLE_FACTORIES = frozenset(
    {
        "collections.namedtuple",
        "typing.NamedTuple",
        "typing_extensions.NamedTuple",
    }
)
# Class decorators that keep the class what it is; any other may replace it.
TRANSPARENT_CLASS_DECORATORS = frozenset({"dataclasses.dataclass", "functools.total_ordering"})
# Function decorators that keep the function's return value.
TRANSPARENT_FUNCTION_DECORATORS = frozenset({"functools.cache", "functools.lru_cache"})

# The standard library's encoders: a default= or cls= argument makes them handle any value;
# default= never sees keys, but cls= may replace the whole encoding and skipkeys= drops them.
STDLIB_JSON_ENCODERS = frozenset({"json.dumps", "json.dump"})
ENCODER_HOOKS = frozenset({"default", "cls"})
KEY_HOOKS = frozenset({"cls", "skipkeys"})

# DynamoDB resource API: number attributes come back as Decimal.
DYNAMODB_RESOURCE_FACTORIES = frozenset({"boto3.resource"})
BOTO3_SESSIONS = frozenset({"boto3.Session", "boto3.session.Session"})
# Table methods whose response holds items, and the key of the response that holds them
# (update_item's ReturnValues= attributes are an item too).
DYNAMODB_TABLE_READS = {
    "get_item": "Item",
    "query": "Items",
    "scan": "Items",
    "update_item": "Attributes",
}
DYNAMODB_RESOURCE_READS = {"batch_get_item": "Responses"}
# Table methods that write attributes: a number they write shows the attribute is one.
DYNAMODB_TABLE_WRITES = frozenset({"put_item", "update_item"})
# Calls whose result is a number written to DynamoDB (a float is rejected by boto3 itself).
NUMBER_FACTORIES = frozenset(
    {"decimal.Decimal", "builtins.int", "builtins.len", "builtins.round", "builtins.sum"}
)
