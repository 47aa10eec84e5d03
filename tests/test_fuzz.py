"""Generated input never escapes as an exception: Python modules (hypothesmith) with a planted
handler, random bytes, and templates, serverless files and Terraform of random shapes, fed to
the engine and discovery in this process, and once through the CLI beside a known-bad handler.

The seed is fixed (``derandomize``) and the budget small, so CI runs the same examples every
time in seconds; for a long run at release time, raise FUZZ_EXAMPLES (e.g. to 5000):
``FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import os
import tempfile
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import hypothesmith
import pytest
import yaml
from e2e import ASYNC_HANDLER, async_message, lambdalint, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lambdalint.discovery import cdk, sam, serverless, terraform
from lambdalint.discovery.model import Discovery
from lambdalint.engine import FileResult, FileTask, check_file
from lambdalint.handlers import HandlerTarget
from lambdalint.registry import INTERNAL_ERROR, all_codes

# hypothesmith compiles what it generates, and Python warns about `5()`
pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    derandomize=True,
    database=None,
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CODES = frozenset(all_codes())
HANDLER = "lambda_handler"


def checked(path: Path, source: bytes, declared: bool) -> FileResult:
    """check_file by convention or with a declared handler; every finding well formed."""
    targets = (HandlerTarget(HANDLER), HandlerTarget("missing")) if declared else None
    result = check_file(FileTask(path, targets, CODES), source)
    for diagnostic in result.diagnostics:
        assert diagnostic.code in CODES
        assert diagnostic.code != INTERNAL_ERROR.code, diagnostic.message  # a rule crashed
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert diagnostic.end_line >= diagnostic.line
    return result


def planted(module: str) -> str:
    """The generated module, then a handler whose body is that module again, so the rules
    walk the generated code as reached code."""
    body = textwrap.indent(module, "    ") if module.strip() else "    pass\n"
    return f"{module}\n\ndef {HANDLER}(event, context):\n{body}\n"


@FUZZ
@given(module=hypothesmith.from_grammar(), declared=st.booleans())
def test_generated_python_with_a_planted_handler(module: str, declared: bool) -> None:
    checked(Path("app.py"), planted(module).encode("utf-8", "surrogatepass"), declared)


@FUZZ
@given(source=st.binary(max_size=400), declared=st.booleans())
def test_random_bytes(source: bytes, declared: bool) -> None:
    # half of them start like a handler, so the prefilter lets them through to decoding
    checked(Path("app.py"), b"def lambda_handler(event, context):\n" + source, declared)
    checked(Path("app.py"), source, declared)


# -- declarations -------------------------------------------------------------------------------


class Tagged:
    """A CloudFormation short-form tag on a value: ``!Ref x``, ``!GetAtt [a, b]``."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


def _represent_tagged(dumper: yaml.SafeDumper, tagged: Tagged) -> yaml.Node:
    if isinstance(tagged.value, list):
        return dumper.represent_sequence(tagged.tag, tagged.value)
    if isinstance(tagged.value, dict):
        return dumper.represent_mapping(tagged.tag, tagged.value)
    return dumper.represent_scalar(tagged.tag, str(tagged.value))


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(Tagged, _represent_tagged)

WORDS = st.sampled_from(
    [
        "Handler", "Runtime", "CodeUri", "Events", "Type", "Properties", "Bucket", "Queue",
        "Environment", "Variables", "Filter", "S3Key", "Rules", "Name", "Value", "handler",
        "events", "environment", "runtime", "module", "custom", "s3", "sqs", "http",
        "app.handler", "python3.12", "src", ".", "", "x", "${self:custom.a}", "${opt:stage}",
        "${self:custom.b, 'x'}", "AWS::Serverless::Function", "AWS::Lambda::Function",
        "AWS::S3::Bucket", "S3", "SQS", "Api", "uploads/", "../..", "a" * 300,
    ]
)  # fmt: skip
SCALARS = st.one_of(WORDS, st.text(max_size=20), st.integers(), st.booleans(), st.none())
TAGS = st.sampled_from(["!Ref", "!GetAtt", "!Sub", "!Join", "!If", "!ImportValue", "!Unknown"])


def _values(leaves: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(WORDS, inner, max_size=4),
            st.builds(Tagged, TAGS, inner),
        ),
        max_leaves=20,
    )


VALUES = _values(SCALARS)


@st.composite
def yaml_documents(draw: st.DrawFn) -> str:
    """A SAM/CloudFormation or serverless document of random shape, with the keys and values
    the readers look for; one value shared under several keys becomes a YAML alias."""
    shared = draw(VALUES)
    leaves = st.one_of(SCALARS, st.just(shared))
    values = _values(leaves)
    function = st.dictionaries(
        st.sampled_from(["Handler", "Runtime", "CodeUri", "Events", "Environment", "handler",
                         "runtime", "events", "environment", "module", "InlineCode"]),
        values,
        max_size=6,
    )  # fmt: skip
    resources = st.dictionaries(
        WORDS,
        st.fixed_dictionaries(
            {"Type": st.one_of(WORDS, values)}, optional={"Properties": st.one_of(function, values)}
        ),
        max_size=3,
    )
    document = draw(
        st.fixed_dictionaries(
            {},
            optional={
                "Transform": st.one_of(st.just("AWS::Serverless-2016-10-31"), values),
                "Resources": st.one_of(resources, values),
                "Globals": st.fixed_dictionaries({"Function": st.one_of(function, values)}),
                "service": values,
                "provider": st.one_of(function, values),
                "functions": st.one_of(st.dictionaries(WORDS, st.one_of(function, values)), values),
                "custom": st.one_of(st.dictionaries(st.sampled_from("ab"), values), values),
            },
        )
    )
    return yaml.dump(document, Dumper=_Dumper)


# what the Terraform reader looks for in each block, and inside the blocks nested in them
TERRAFORM_BLOCKS = {
    'resource "aws_lambda_function"': [
        "handler", "runtime", "filename", "environment", "image_config", "package_type",
        "image_uri", "for_each", "function_name", "s3_bucket",
    ],
    'resource "aws_s3_bucket_notification"': ["bucket", "lambda_function"],
    'resource "aws_lambda_event_source_mapping"': ["function_name", "event_source_arn"],
    'resource "docker_image"': ["name", "build"],
    'data "archive_file"': ["source_dir", "source_file", "output_path"],
    "module": [
        "handler", "runtime", "source_path", "environment_variables", "event_source_mapping",
        "image_uri", "create_package", "for_each",
    ],
    "variable": ["default"],
}  # fmt: skip
NESTED = st.sampled_from(
    ["variables", "lambda_function_arn", "events", "filter_prefix", "context", "dockerfile",
     "command", "path", "event_source_arn", "a"]
)  # fmt: skip
HCL_SCALARS = st.sampled_from(
    ['"app.handler"', '"python3.12"', '"${path.module}/src"', "var.x", "local.y", '"x"',
     "data.archive_file.f.output_path", "aws_lambda_function.f.arn", '"arn:aws:sqs:x"',
     '"Image"', "docker_image.f.name", '"${each.key}"', "5", "true", "null",
     'toset(["a", "b"])', '"${path.module}/' + "a" * 300 + '"']
)  # fmt: skip


def _hcl_value(depth: int) -> st.SearchStrategy[str]:
    """A value of any shape: a scalar, a list, an object."""
    if depth == 0:
        return HCL_SCALARS
    inner = _hcl_value(depth - 1)
    return st.one_of(
        HCL_SCALARS,
        st.lists(inner, max_size=3).map(lambda items: f"[{', '.join(items)}]"),
        st.lists(st.tuples(NESTED, inner), max_size=3).map(
            lambda pairs: "{ " + ", ".join(f"{name} = {value}" for name, value in pairs) + " }"
        ),
    )


def _hcl_setting(names: st.SearchStrategy[str], depth: int) -> st.SearchStrategy[str]:
    """``name = value`` of any shape, or ``name { ... }`` where a value was expected."""
    attribute = st.builds(lambda name, value: f"{name} = {value}\n", names, _hcl_value(2))
    if depth == 0:
        return attribute
    body = st.lists(_hcl_setting(NESTED, depth - 1), max_size=3).map("".join)
    block = st.builds(lambda name, inner: f"{name} {{\n{inner}}}\n", names, body)
    return st.one_of(attribute, block)


@st.composite
def terraform_files(draw: st.DrawFn) -> str:
    """Terraform blocks the reader knows, their settings of random shape (a string where a
    block belongs, a number where a map belongs); sometimes an argument at the top, sometimes
    cut short."""
    text = ""
    for kind in draw(st.lists(st.sampled_from(sorted(TERRAFORM_BLOCKS)), min_size=1, max_size=4)):
        names = st.sampled_from(TERRAFORM_BLOCKS[kind])
        settings = draw(st.lists(_hcl_setting(names, 2), max_size=5))
        if kind == "module":
            settings.insert(0, 'source = "terraform-aws-modules/lambda/aws"\n')
        label = draw(st.sampled_from(['"f"', '"g"', "f"]))
        text += f"{kind} {label} {{\n{''.join(settings)}}}\n"
    if draw(st.booleans()):
        text += draw(st.sampled_from(["resource", "locals", "module", "variable"])) + " = 5\n"
    if draw(st.integers(0, 3)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return 'resource "aws_lambda_function" "main" {\n  handler = "app.handler"\n}\n' + text


@contextmanager
def project(files: dict[str, str]) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield write(Path(folder), files)


def well_formed(discovery: Discovery) -> None:
    for note in discovery.notes:
        assert note.line >= 1 and note.message
    for function in discovery.functions:
        assert function.line >= 1
        for note in function.notes:
            assert note.line >= 1 and note.message


@FUZZ
@given(document=yaml_documents())
def test_generated_templates_and_serverless_files(document: str) -> None:
    with project({"template.yaml": document, "serverless.yml": document}) as root:
        well_formed(sam.discover(root))
        well_formed(serverless.discover(root))


@FUZZ
@given(text=terraform_files())
def test_generated_terraform(text: str) -> None:
    with project({"main.tf": text, "src/app.py": "x = 1\n"}) as root:
        well_formed(terraform.discover(root))


@FUZZ
@given(module=hypothesmith.from_grammar())
def test_generated_python_in_a_cdk_app(module: str) -> None:
    app = f"import aws_cdk as cdk\napp = cdk.App()\n{module}"
    with project({"app.py": app}) as root:
        well_formed(cdk.discover(root))


@settings(FUZZ, max_examples=1)
@given(
    modules=st.lists(hypothesmith.from_grammar(), min_size=4, max_size=4),
    document=yaml_documents(),
    terraform_text=terraform_files(),
)
def test_generated_files_beside_a_known_bad_handler_through_the_cli(
    modules: list[str], document: str, terraform_text: str
) -> None:
    files = {f"m{index}.py": planted(module) for index, module in enumerate(modules)}
    files.update({"template.yaml": document, "main.tf": terraform_text})
    with project({**files, "bad.py": ASYNC_HANDLER.format(name=HANDLER)}) as root:
        run = lambdalint("check", ".", cwd=root)
    assert (run.code, run.stderr) == (1, "")
    assert f"bad.py:1:1: {async_message()}" in run.stdout.splitlines()
