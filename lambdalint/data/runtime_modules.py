"""What the Python runtime has loaded before it imports a handler's module.

The runtime (awslambdaric's ``bootstrap._get_handler``) refuses a handler whose first
module name is in ``sys.builtin_module_names`` (``Runtime.BuiltInModuleConflict``), and
``importlib.import_module`` returns a module that is already in ``sys.modules`` instead
of the project's file of the same name: ``json.handler`` is then ``json.handler`` of the
standard library, and ``getattr`` fails (``Runtime.HandlerNotFound``).
"""

from __future__ import annotations

# sys.builtin_module_names common to the Linux builds of CPython 3.9-3.13, the modules
# compiled into the interpreter (names only some versions build in, like _tokenize, left out).
BUILTIN_MODULES = frozenset(
    {
        "_abc",
        "_ast",
        "_codecs",
        "_collections",
        "_functools",
        "_imp",
        "_io",
        "_locale",
        "_operator",
        "_signal",
        "_sre",
        "_stat",
        "_string",
        "_symtable",
        "_thread",
        "_tracemalloc",
        "_warnings",
        "_weakref",
        "atexit",
        "builtins",
        "errno",
        "faulthandler",
        "gc",
        "itertools",
        "marshal",
        "posix",
        "pwd",
        "sys",
        "time",
    }
)

# Top-level standard-library modules in sys.modules when the handler is imported: the
# interpreter's startup (site), awslambdaric's bootstrap and its own imports (importlib,
# json, logging, os, sys, time, traceback, decimal, math, enum), and what those import on
# every version from 3.9 to 3.13.
PRELOADED_MODULES = frozenset(
    {
        "abc",
        "codecs",
        "collections",
        "contextlib",
        "copyreg",
        "decimal",
        "encodings",
        "enum",
        "functools",
        "genericpath",
        "importlib",
        "io",
        "json",
        "keyword",
        "linecache",
        "logging",
        "math",
        "numbers",
        "operator",
        "os",
        "posixpath",
        "re",
        "reprlib",
        "site",
        "stat",
        "string",
        "threading",
        "token",
        "tokenize",
        "traceback",
        "types",
        "warnings",
        "weakref",
    }
)

# Wrapper layers configured as the handler; they import the real one from an environment variable.
WRAPPER_HANDLERS = {
    "datadog_lambda.handler.handler": ("Datadog", "DD_LAMBDA_HANDLER"),
    "newrelic_lambda_wrapper.handler": ("New Relic", "NEW_RELIC_LAMBDA_HANDLER"),
}

# The module Lambda writes inline code (CloudFormation Code.ZipFile, CDK Code.from_inline) to.
INLINE_MODULE = "index"

# Handler modules that a deployment plugin writes into the package at build time, so they
# are never in the source tree: (the module, what generates it).
GENERATED_HANDLER_MODULES = {
    "wsgi_handler": "the serverless-wsgi plugin",
    "serverless_wsgi": "the serverless-wsgi plugin",
    "unzip_requirements": "serverless-python-requirements",
    "s_handler": "the Serverless Framework dashboard",
}

# An exec wrapper (a layer's script run in place of the runtime's own start) may run
# something other than the Python runtime; Lambda Web Adapter's handler is a shell script.
EXEC_WRAPPER_VARIABLE = "AWS_LAMBDA_EXEC_WRAPPER"
SCRIPT_HANDLER_SUFFIXES = (".sh", ".bash")
SCRIPT_HANDLERS = frozenset({"bootstrap"})
