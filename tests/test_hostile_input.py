"""One hostile file never costs the run: each probe is generated here (no giant files in the
repository), sits beside a known-bad handler whose finding must survive, and runs under a
memory cap, so a regression fails instead of eating the machine."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from e2e import ASYNC_HANDLER, LAMBDALINT, async_message, lambdalint, write

MEMORY_CAP = 2 << 30  # bytes of address space; the probes took 5-20 GB before the fix
CAP_AND_RUN = (
    "import os, resource, sys;"
    f" resource.setrlimit(resource.RLIMIT_AS, ({MEMORY_CAP}, {MEMORY_CAP}));"
    " os.execv(sys.argv[1], sys.argv[1:])"
)
CAPPED = [sys.executable, "-c", CAP_AND_RUN, str(LAMBDALINT)]
SURVIVOR = f"handler.py:1:1: {async_message()}"
CDK_APP = """import aws_cdk as cdk
from aws_cdk import aws_lambda as lambda_

app = cdk.App()
stack = cdk.Stack(app, "Stack")
lambda_.Function(
    stack,
    "Fn",
    runtime=lambda_.Runtime.PYTHON_3_12,
    code=lambda_.Code.from_asset("src"),
    handler={handler},
)
"""


def check(root: Path, files: dict[str, str]) -> list[str]:
    write(root, {"handler.py": ASYNC_HANDLER.format(name="lambda_handler"), **files})
    run = lambdalint("check", ".", cwd=root, command=CAPPED)
    assert (run.stderr, run.code) == ("", 1)
    return run.stdout.splitlines()


def test_nesting_python_refuses_in_a_cdk_app_is_its_syntax_error(tmp_path: Path) -> None:
    # libcst segfaulted on the 3,000 parentheses CPython's tokenizer refuses at the 201st
    nested = "(" * 3000 + "1" + ")" * 3000
    write(tmp_path, {"app.py": CDK_APP.format(handler=nested)})
    # discovery's notes carry a line only
    assert check(tmp_path, {}) == [
        "app.py:11:1: LAM900 syntax error: too many nested parentheses",
        SURVIVOR,
    ]


def test_nesting_python_refuses_in_a_handler_file_is_lam900_where_python_says(
    tmp_path: Path,
) -> None:
    # 5,000 nested [ grew libcst to 19.5 GB; Python stops at the 201st, column 212 here
    deep = "def lambda_handler(event, context):\n    return " + "[" * 5000 + "]" * 5000 + "\n"
    assert check(tmp_path, {"deep.py": deep}) == [
        "deep.py:2:212: LAM900 syntax error: too many nested parentheses",
        SURVIVOR,
    ]


def test_brackets_in_strings_and_comments_are_not_nesting(tmp_path: Path) -> None:
    code = (
        "def lambda_handler(event, context):\n"
        f'    text = \'{"(" * 300}\' + """{"[" * 300}\n"""  # {"{" * 300}\n'
        "    return text\n"
    )
    assert check(tmp_path, {"strings.py": code}) == [SURVIVOR]


DEPTH_BUDGET = (
    "an expression nests more than 3,000 levels deep, past lambdalint's budget"
    " (the parse would take minutes)"
)


def test_an_expression_too_long_for_the_cdk_analysis_is_a_note(tmp_path: Path) -> None:
    # valid Python, but a RecursionError in CDK discovery ended the run
    chain = " + ".join(['"a"'] * 3500)
    write(tmp_path, {"app.py": CDK_APP.format(handler=chain)})
    assert check(tmp_path, {}) == [SURVIVOR]
    handlers = lambdalint("handlers", ".", cwd=tmp_path, command=CAPPED)
    assert f"app.py:11: {DEPTH_BUDGET}; its functions are not discovered" in handlers.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_expression_past_the_depth_budget_costs_its_file_only(tmp_path: Path, jobs: str) -> None:
    """Valid Python that libcst took 13 s on at 4,000 terms and minutes at 10,000: refused
    from Python's own tree in milliseconds, whether in this process or a worker's."""
    chain = ".".join(["event"] * 4000)
    deep = f"def lambda_handler(event, context):\n    return {chain}\n"
    write(tmp_path, {"deep.py": deep, "handler.py": ASYNC_HANDLER.format(name="lambda_handler")})
    run = lambdalint("check", "--no-cache", "--jobs", jobs, ".", cwd=tmp_path, command=CAPPED)
    assert run.stdout.splitlines() == [
        f"deep.py:2:1: LAM901 {DEPTH_BUDGET}; this file was not checked",
        SURVIVOR,
    ]
    assert run.code == 2


def test_an_s3_filter_rule_named_by_an_alias_of_aliases_is_not_expanded(tmp_path: Path) -> None:
    # 9**9 scalars behind one name: str() of it took 76 s and 5.5 GB
    aliases = "".join(
        f"  a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]\n" for level in range(1, 9)
    )
    template = f"""Transform: AWS::Serverless-2016-10-31
Aliases:
  a0: &a0 [x, x, x, x, x, x, x, x, x]
{aliases}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: handler.lambda_handler
      Runtime: python3.12
      CodeUri: .
      Events:
        Upload:
          Type: S3
          Properties:
            Bucket: !Ref Bucket
            Events: s3:ObjectCreated:*
            Filter:
              S3Key:
                Rules:
                  - Name: *a8
                    Value: uploads/
"""
    assert check(tmp_path, {"template.yaml": template}) == [SURVIVOR]


@pytest.mark.parametrize("bottom", ["x", '""'])
def test_a_serverless_variable_chain_is_bounded_in_size_and_work(
    tmp_path: Path, bottom: str
) -> None:
    # each level uses the one below ten times: 10**9 characters, or 10**9 lookups of ""
    levels = "".join(
        f"  l{level}: {('${self:custom.l' + str(level - 1) + '}') * 10}\n" for level in range(1, 10)
    )
    service = f"""service: chain
provider:
  name: aws
  runtime: python3.12
custom:
  l0: {bottom}
{levels}functions:
  api:
    handler: handler.lambda_handler
    environment:
      STAGE: ${{self:custom.l9}}
"""
    assert check(tmp_path, {"serverless.yml": service}) == [SURVIVOR]


# A Terraform module (one folder) declaring two functions whose handlers are missing: their
# LAM007 findings prove discovery read the folder in spite of the hostile shapes beside them.
TERRAFORM_FUNCTIONS = """module "f" {
  source        = "terraform-aws-modules/lambda/aws"
  function_name = "f"
  handler       = "missing.lambda_handler"
  runtime       = "python3.12"
  source_path   = "${path.module}"
  %s
}

resource "aws_lambda_function" "g" {
  function_name = "g"
  handler       = "gone.lambda_handler"
  runtime       = "python3.12"
  filename      = data.archive_file.g.output_path
  %s
}

data "archive_file" "g" {
  type        = "zip"
  source_dir  = "${path.module}"
  output_path = "g.zip"
}
"""
TERRAFORM_SURVIVORS = [
    SURVIVOR,
    (
        "main.tf:4:19: LAM007 handler 'missing.lambda_handler': module file missing.py not found"
        " under code root ."
    ),
    (
        "main.tf:12:19: LAM007 handler 'gone.lambda_handler': module file gone.py not found"
        " under code root ."
    ),
]


@pytest.mark.parametrize(
    ("module_setting", "resource_setting"),
    [
        ("environment_variables = [1, 2]", 'environment = "x"'),
        ('event_source_mapping = "x"', "environment {\n variables = 5\n }"),
        ("event_source_mapping = { a = 5 }", "environment {\n variables = [1, 2]\n }"),
        ("for_each = 5", "image_config = 5"),
        ('create_package = "x"', 'package_type = ["Image"]'),
    ],
)
def test_terraform_values_of_the_wrong_shape_in_a_function_are_unknown(
    tmp_path: Path, module_setting: str, resource_setting: str
) -> None:
    # python-hcl2 accepts a string, number or list where a block or map belongs
    main = TERRAFORM_FUNCTIONS % (module_setting, resource_setting)
    assert check(tmp_path, {"main.tf": main}) == TERRAFORM_SURVIVORS


@pytest.mark.parametrize(
    "notification",
    [
        'lambda_function = "x"',
        'lambda_function = ["x", 5]',
        'lambda_function {\n lambda_function_arn = 5\n events = "x"\n }',
    ],
)
def test_a_bucket_notification_of_the_wrong_shape_records_no_trigger(
    tmp_path: Path, notification: str
) -> None:
    # `lambda_function = "x"` was an AttributeError that ended the run
    triggers = (
        f'resource "aws_s3_bucket_notification" "n" {{\n  bucket = "b"\n  {notification}\n}}\n'
    )
    files = {"main.tf": TERRAFORM_FUNCTIONS % ("", ""), "triggers.tf": triggers}
    assert check(tmp_path, files) == TERRAFORM_SURVIVORS


def test_an_argument_where_terraform_wants_blocks_refuses_the_file_as_terraform_does(
    tmp_path: Path,
) -> None:
    # a top-level `resource = 5` was a TypeError; `locals = 5` in a file that declares no
    # function is a note for `lambdalint handlers` only
    main = TERRAFORM_FUNCTIONS % ("", "") + "resource = 5\n"
    assert check(tmp_path, {"main.tf": main, "locals.tf": "locals = 5\n"}) == [
        SURVIVOR,
        (
            "main.tf:23:1: LAM900 cannot parse Terraform file: unsupported argument 'resource';"
            " only blocks belong at the top level"
        ),
    ]
    handlers = lambdalint("handlers", ".", cwd=tmp_path, command=CAPPED)
    assert handlers.stdout.endswith(
        "locals.tf:1: cannot parse Terraform file: unsupported argument 'locals';"
        " only blocks belong at the top level\n"
        "main.tf:23: cannot parse Terraform file: unsupported argument 'resource';"
        " only blocks belong at the top level\n"
    )


def test_a_labelled_block_assigned_like_an_argument_is_the_parse_error_terraform_gives(
    tmp_path: Path,
) -> None:
    main = TERRAFORM_FUNCTIONS % ("", "") + 'resource "aws_lambda_function" "h" = 5\n'
    assert check(tmp_path, {"main.tf": main}) == [
        SURVIVOR,
        "main.tf:23:1: LAM900 cannot parse Terraform file: unexpected '='",
    ]


SAM_FUNCTION = """Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: {handler}
      Runtime: python3.12
      CodeUri: .
"""
UNDEFINED_CODEC = (
    "LAM900 cannot decode file: decoding with 'undefined' codec failed"
    " (UnicodeError: undefined encoding)"
)


@pytest.mark.parametrize(
    ("cookie", "message"),
    [
        # a codec Python knows that decodes nothing: an internal error that ended the run
        ("# coding: undefined", UNDEFINED_CODEC),
        ("# -*- coding: nonsense -*-", "LAM900 cannot decode file: unknown encoding: nonsense"),
        (
            "# coding: rot13",
            (
                "LAM900 cannot decode file: 'rot13' is not a text encoding;"
                " use codecs.decode() to handle arbitrary codecs"
            ),
        ),
    ],
)
def test_a_coding_cookie_python_cannot_decode_with_is_lam900_at_line_1(
    tmp_path: Path, cookie: str, message: str
) -> None:
    handler = f"{cookie}\ndef lambda_handler(event, context):\n    pass\n"
    app = f"{cookie}\n{CDK_APP.format(handler=repr('declared.lambda_handler'))}"
    assert check(tmp_path, {"by_convention.py": handler, "declared.py": handler}) == [
        f"by_convention.py:1:1: {message}",
        f"declared.py:1:1: {message}",
        SURVIVOR,
    ]
    # declared by a template, and a CDK app file that cannot be read
    files = {"template.yaml": SAM_FUNCTION.format(handler="declared.lambda_handler"), "app.py": app}
    assert check(tmp_path, files) == [
        f"app.py:1:1: {message}",
        f"by_convention.py:1:1: {message}",
        f"declared.py:1:1: {message}",
        SURVIVOR,
    ]


def test_a_module_name_longer_than_the_os_allows_is_lam007_not_an_internal_error(
    tmp_path: Path,
) -> None:
    # Linux refuses a 256-byte file name (ENAMETOOLONG), so no such file can exist either;
    # Path.is_file raised it, which ended the run
    long = "a" * 300
    functions = {
        "Module": f"{long}.handler",
        "Nested": f"handler.{long}.handler",
        "Script": long,
        "Folder": "app.handler",
    }
    template = "Transform: AWS::Serverless-2016-10-31\nResources:\n" + "".join(
        f"  {name}:\n    Type: AWS::Serverless::Function\n    Properties:\n"
        f"      Handler: {handler}\n      Runtime: python3.12\n"
        f"      CodeUri: {long if name == 'Folder' else '.'}\n"
        for name, handler in functions.items()
    )
    assert check(tmp_path, {"template.yaml": template}) == [
        SURVIVOR,
        (
            f"template.yaml:6:16: LAM007 handler '{long}.handler': module file {long}.py not found"
            " under code root ."
        ),
        (
            f"template.yaml:12:16: LAM007 handler 'handler.{long}.handler': the runtime imports"
            f" 'handler.{long}' as a module, but handler.py is a module, not a package, and the"
            f" runtime looks up one name on the module, never an attribute path like {long}.handler;"
            " point the handler at a module-level function"
        ),
        (
            f"template.yaml:18:16: LAM007 handler '{long}' is not module.function; Lambda splits it"
            " at the last dot"
        ),
    ]
    handlers = lambdalint("handlers", ".", cwd=tmp_path, command=CAPPED)
    assert (handlers.code, handlers.stderr) == (0, "")
    rows = [re.split(r"\s{2,}", line) for line in handlers.stdout.splitlines()[1:6]]
    assert rows == [
        [
            "Module",
            "python3.12",
            f"{long}.handler",
            "LAM007: module not found",
            "template.yaml:6",
            "-",
        ],
        [
            "Nested",
            "python3.12",
            f"handler.{long}.handler",
            "LAM007: names a nested attribute",
            "template.yaml:12",
            "-",
        ],
        ["Script", "python3.12", long, "LAM007: not module.function", "template.yaml:18", "-"],
        [
            "Folder",
            "python3.12",
            "app.handler",
            "not checked: code folder not found",
            "template.yaml:24",
            "-",
        ],
        [
            "handler",
            "-",
            "handler.lambda_handler",
            "handler.py:lambda_handler",
            "handler.py:1",
            "-",
        ],
    ]
    # a path argument the OS refuses is a usage error
    for command, problem in (
        ("check", "no such file or directory"),
        ("handlers", "not a directory"),
    ):
        run = lambdalint(command, long, cwd=tmp_path)
        assert (run.code, run.stdout, run.stderr) == (2, "", f"lambdalint: {long}: {problem}\n")


def test_a_file_above_max_file_size_is_not_read_unless_a_declaration_names_it(
    tmp_path: Path,
) -> None:
    padding = f"# {'-' * 97}\n" * 12  # 1,200 bytes, above the 1,000 configured
    big_handler = padding + ASYNC_HANDLER.format(name="lambda_handler")
    template = SAM_FUNCTION.format(handler="declared.lambda_handler")
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\nmax-file-size = 1000\n",
            "handler.py": ASYNC_HANDLER.format(name="lambda_handler"),
            "by_convention.py": big_handler,
            "declared.py": big_handler,  # named by template.yaml: checked whatever its size
            "template.yaml": template,
            # a template and a .tf above the limit: their functions are not read
            "big.yaml": template.replace("declared.", "missing.") + padding,
            "big.tf": TERRAFORM_FUNCTIONS % ("", "") + padding,
        },
    )
    run = lambdalint("check", ".", cwd=tmp_path, command=CAPPED)
    assert (run.code, run.stdout.splitlines(), run.stderr) == (
        1,
        [f"declared.py:13:1: {async_message()}", SURVIVOR],
        (
            "lambdalint: note: by_convention.py: 1,251 bytes, more than max-file-size (1,000);"
            " not read\n"
        ),
    )
    handlers = lambdalint("handlers", ".", cwd=tmp_path, command=CAPPED)
    assert handlers.stdout.splitlines()[-2:] == [
        "big.tf:1: 1,696 bytes, more than max-file-size (1,000); not read",
        "big.yaml:1: 1,388 bytes, more than max-file-size (1,000); not read",
    ]
    assert "by_convention" not in handlers.stdout


@pytest.mark.parametrize("value", ["0", '"10MB"', "true", "1.5"])
def test_max_file_size_is_a_positive_number_of_bytes(tmp_path: Path, value: str) -> None:
    write(tmp_path, {"pyproject.toml": f"[tool.lambdalint]\nmax-file-size = {value}\n"})
    run = lambdalint("check", ".", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (
        2,
        "",
        "lambdalint: pyproject.toml:2: 'max-file-size' must be a number of bytes, at least 1\n",
    )


def test_every_python_probe_reports_the_same_in_the_pool_as_in_this_process(
    tmp_path: Path,
) -> None:
    """The probes whose work is per file, in one run big enough to start a pool: --jobs 2
    reports what --jobs 1 does, file for file."""
    handler = "def lambda_handler(event, context):\n    return {}\n"
    probes = {
        "brackets.py": handler.replace("{}", "[" * 5000 + "]" * 5000),
        "chain.py": handler.replace("{}", ".".join(["event"] * 4000)),
        "cookie.py": f"# coding: undefined\n{handler}",
        "nul.py": handler.replace("{}", "'\0'"),
        "syntax.py": handler.replace("{}", "{"),
        "deep_sum.py": handler.replace("{}", " + ".join(["1"] * 2500)),
    }
    # files enough and long enough that the estimated serial work pays for a pool
    padding = "".join(f"# {index:03} {'-' * 95}\n" for index in range(100))
    fillers = {
        f"m{index:02}.py": padding + ASYNC_HANDLER.format(name="lambda_handler")
        for index in range(60)
    }
    write(
        tmp_path, {"handler.py": ASYNC_HANDLER.format(name="lambda_handler"), **probes, **fillers}
    )
    serial, pooled = (
        lambdalint("check", "--no-cache", "--jobs", jobs, ".", cwd=tmp_path, command=CAPPED)
        for jobs in ("1", "2")
    )
    assert pooled == serial
    reported = {line.split(":", 1)[0] for line in serial.stdout.splitlines()}
    assert reported >= {*probes} - {"deep_sum.py"}
    assert SURVIVOR in serial.stdout.splitlines()


def test_a_resource_type_of_the_wrong_shape_is_no_resource(tmp_path: Path) -> None:
    """Found by the template fuzz test: a list where a Type belongs ended discovery."""
    template = SAM_FUNCTION.format(handler="handler.lambda_handler") + (
        "  Api:\n    Type: [AWS::Serverless::Api]\n    Properties:\n      StageName: prod\n"
    )
    assert check(tmp_path, {"template.yaml": template}) == [SURVIVOR]


def test_what_python_warns_about_the_checked_code_is_not_printed(tmp_path: Path) -> None:
    # "\d" is an escape Python does not know: each compile of the code warns (Python 3.12
    # prints a SyntaxWarning naming "<unknown>"; older ones a DeprecationWarning, which this
    # run asks to see); the author sees it when the code runs, the linter's output does not
    project = write(
        tmp_path,
        {
            "app.py": (
                'import re\n\n__all__ = ["lambda_handler", "\\w"]\nPATTERN = "\\d+"\n\n\n'
                "def lambda_handler(event, context):\n"
                '    return {re.sub(PATTERN, "", "s3://\\d/x")}\n'
            )
        },
    )
    run = lambdalint(
        "check",
        "--no-cache",
        "app.py",
        cwd=project,
        env={"PYTHONWARNINGS": "default:invalid escape sequence"},
    )
    assert (run.code, run.stderr) == (1, "")
    assert run.stdout.startswith("app.py:8:12: LAM003")
