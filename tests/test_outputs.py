"""The CI gating outputs (--format sarif, github, junit) and --output-file, as CI runs them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from e2e import ASYNC_HANDLER, PLAIN_HANDLER, async_message, lambdalint, write

from lambdalint import __version__
from lambdalint.diagnostics import Diagnostic
from lambdalint.output import github_format, junit_format
from lambdalint.registry import all_rules, documentation

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = "docs/examples/orders-app"
SCHEMA = json.loads((REPO / "tests/data/sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))
RULE_CODES = [rule.code for rule in all_rules()]

CLIENT_HANDLER = (
    "import boto3\n\n\ndef lambda_handler(event, context):\n"
    '    s3 = boto3.client("s3")\n    return s3.list_buckets()\n'
)
CLIENT_MESSAGE = (
    'boto3.client("s3") is created on every invocation; create it once at module level and reuse it'
)
HARDCODED_BUCKET = (
    'import boto3\n\ns3 = boto3.client("s3")\n\n\n'
    "def lambda_handler(event, context):\n"
    '    s3.put_object(Bucket={bucket}, Key="k", Body=b"")\n'
)


def schema_errors(log: dict) -> list[str]:
    validator = jsonschema.Draft4Validator(
        SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(log)
    ]


def sarif(*args: str, cwd: Path) -> dict:
    run = lambdalint("check", "--format", "sarif", *args, cwd=cwd)
    assert run.code in (0, 1), run.stderr
    log = json.loads(run.stdout)
    assert schema_errors(log) == []
    return log


def results_by_line(log: dict) -> dict[int, dict]:
    return {
        result["locations"][0]["physicalLocation"]["region"]["startLine"]: result
        for result in log["runs"][0]["results"]
    }


# --- SARIF -----------------------------------------------------------------------------


def test_the_schema_check_rejects_what_github_would_reject() -> None:
    run = {"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "LAM001"}]}
    log = {"version": "2.1.0", "runs": [run]}
    assert schema_errors(log) == ["runs/0/results/0: 'message' is a required property"]


def test_sarif_of_the_example_project_is_valid_and_complete() -> None:
    log = sarif(EXAMPLE, cwd=REPO)
    assert (log["$schema"], log["version"]) == (
        "https://json.schemastore.org/sarif-2.1.0.json",
        "2.1.0",
    )
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"], driver["informationUri"]) == (
        "lambdalint",
        __version__,
        "https://github.com/lambdalint/lambdalint",
    )
    text = lambdalint("check", EXAMPLE, cwd=REPO).stdout.splitlines()
    from_sarif = []
    for result in log["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]
        region, artifact = location["region"], location["artifactLocation"]
        assert artifact["uriBaseId"] == "%SRCROOT%"
        from_sarif.append(
            f"{artifact['uri']}:{region['startLine']}:{region['startColumn']}:"
            f" {result['ruleId']} {result['message']['text']}"
        )
    assert from_sarif == text


def test_sarif_has_one_rule_per_code_with_its_documentation() -> None:
    driver = sarif(EXAMPLE, cwd=REPO)["runs"][0]["tool"]["driver"]
    assert [rule["id"] for rule in driver["rules"]] == RULE_CODES == sorted(RULE_CODES)
    for rule, entry in zip(all_rules(), driver["rules"]):
        assert entry["name"] == rule.name
        assert entry["shortDescription"] == {"text": rule.summary}
        assert entry["fullDescription"]["text"].startswith("Reports ")
        assert entry["help"] == {
            "text": documentation(rule).strip(),
            "markdown": documentation(rule).strip(),
        }
        assert entry["helpUri"] == (
            f"https://github.com/lambdalint/lambdalint/blob/main/docs/rules/{rule.code}.md"
        )
        assert (REPO / "docs/rules" / f"{rule.code}.md").is_file()
        assert entry["defaultConfiguration"] == {"level": rule.severity}


def test_sarif_results_meet_github_code_scanning_requirements() -> None:
    run = sarif(EXAMPLE, cwd=REPO)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    levels = {rule.code: rule.severity for rule in all_rules()}
    assert len(run["results"]) == 8
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == levels[result["ruleId"]]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not urlsplit(uri).scheme and not uri.startswith("/") and ".." not in uri
        assert (REPO / unquote(uri)).is_file()
        assert len(result["partialFingerprints"]["lambdalint/v1"]) == 64
    fingerprints = [result["partialFingerprints"]["lambdalint/v1"] for result in run["results"]]
    assert len(set(fingerprints)) == len(fingerprints)


def test_sarif_of_a_clean_run_has_the_rules_and_no_results(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": PLAIN_HANDLER})
    run = sarif(cwd=tmp_path)["runs"][0]
    assert (run["results"], len(run["tool"]["driver"]["rules"])) == ([], len(RULE_CODES))
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.resolve().as_uri() + "/"}}


def test_sarif_fingerprints_survive_lines_inserted_above(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": CLIENT_HANDLER})
    before = results_by_line(sarif(cwd=tmp_path))
    moved = "\n# a comment\n" + CLIENT_HANDLER.replace("\n    s3", "\n\n    s3")
    write(tmp_path, {"app.py": moved})
    after = results_by_line(sarif(cwd=tmp_path))
    assert (list(before), list(after)) == ([5], [8])
    assert after[8]["partialFingerprints"] == before[5]["partialFingerprints"]


def test_a_finding_spanning_a_function_keeps_its_fingerprint_when_its_body_changes(
    tmp_path: Path,
) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "app.py": ASYNC_HANDLER.format(name="lambda_handler"),
        },
    )
    before = results_by_line(sarif(cwd=tmp_path))
    write(tmp_path, {"app.py": ASYNC_HANDLER.format(name="lambda_handler") + "    return 1\n"})
    assert (
        results_by_line(sarif(cwd=tmp_path))[1]["partialFingerprints"]
        == (before[1]["partialFingerprints"])
    )


def test_a_second_identical_finding_gets_its_own_fingerprint(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": CLIENT_HANDLER})
    before = results_by_line(sarif(cwd=tmp_path))
    twice = CLIENT_HANDLER.replace("    return", '    s3 = boto3.client("s3")\n    return')
    write(tmp_path, {"app.py": twice})
    after = results_by_line(sarif(cwd=tmp_path))
    assert list(after) == [5, 6]
    assert after[5]["partialFingerprints"] == before[5]["partialFingerprints"]
    assert after[6]["partialFingerprints"] != after[5]["partialFingerprints"]


def test_the_same_line_in_another_file_has_another_fingerprint(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"pyproject.toml": "[tool.lambdalint]\n", "a.py": CLIENT_HANDLER, "b.py": CLIENT_HANDLER},
    )
    results = sarif(cwd=tmp_path)["runs"][0]["results"]
    assert len({json.dumps(result["partialFingerprints"]) for result in results}) == 2


def test_sarif_uris_are_percent_encoded_and_outside_paths_absolute(tmp_path: Path) -> None:
    project = write(
        tmp_path / "my app",
        {"pyproject.toml": "[tool.lambdalint]\n", "a,b:c/app.py": CLIENT_HANDLER},
    )
    (tmp_path / "elsewhere").mkdir()
    inside = sarif(cwd=tmp_path)["runs"][0]["results"][0]
    outside = sarif("../my app", cwd=tmp_path / "elsewhere")["runs"][0]["results"][0]
    assert inside["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "my%20app/a%2Cb%3Ac/app.py",
        "uriBaseId": "%SRCROOT%",
    }
    assert outside["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": (project / "a,b:c/app.py").resolve().as_uri()
    }


# --- GitHub workflow commands ----------------------------------------------------------


def test_github_annotations_of_the_example_project() -> None:
    run = lambdalint("check", "--format", "github", EXAMPLE, cwd=REPO)
    # the messages' wording belongs to the rules' tests; here, one annotation per finding,
    # naming other places as the text output does, relative to the current directory
    text = lambdalint("check", EXAMPLE, cwd=REPO).stdout
    messages = [line.split(": ", 1)[1].split(" ", 1)[1] for line in text.splitlines()]
    source = f"file={EXAMPLE}/src/orders"
    assert run.code == 1
    assert [line.split("::")[1] for line in run.stdout.splitlines()] == [
        (
            f"error file={EXAMPLE}/pyproject.toml,line=15,col=5,endLine=15,endColumn=36,"
            "title=LAM007 handler-not-found"
        ),
        (
            f"warning {source}/api.py,line=12,col=16,endLine=12,endColumn=42,"
            "title=LAM004 client-in-handler"
        ),
        (
            f"error {source}/api.py,line=19,col=17,endLine=19,endColumn=33,"
            "title=LAM003 unserializable-return"
        ),
        (
            f"error {source}/create.py,line=12,col=1,endLine=18,endColumn=69,"
            "title=LAM001 handler-signature"
        ),
        (
            f"error {source}/create.py,line=15,col=44,endLine=15,endColumn=89,"
            "title=LAM008 api-response-shape"
        ),
        (
            f"warning {source}/create.py,line=17,col=26,endLine=17,endColumn=40,"
            "title=LAM005 hardcoded-bucket"
        ),
        (
            f"error {source}/fanout.py,line=21,col=9,endLine=25,endColumn=10,"
            "title=LAM006 recursive-invocation"
        ),
        (
            f"error {source}/notify.py,line=19,col=1,endLine=20,endColumn=73,"
            "title=LAM002 async-handler"
        ),
    ]
    assert [line.split("::", 2)[2] for line in run.stdout.splitlines()] == messages
    assert len(messages) == 8 and run.stdout.endswith("\n")


# A client whose service name is any text: the message quotes the call as written.
CLIENT_OF = (
    "import boto3\n\n\ndef lambda_handler(event, context):\n    return boto3.client({service})\n"
)


def test_github_escapes_properties_and_message_as_the_runner_decodes_them(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "a,b:c/app.py": CLIENT_OF.format(service='"x%0Ay,z:w"'),
        },
    )
    run = lambdalint("check", "--format", "github", cwd=tmp_path)
    assert run.stdout == (
        "::warning file=a%2Cb%3Ac/app.py,line=5,col=12,endLine=5,endColumn=37,"
        'title=LAM004 client-in-handler::boto3.client("x%250Ay,z:w") is created on every'
        " invocation; create it once at module level and reuse it\n"
    )


def test_github_escapes_line_breaks_no_rule_produces_today() -> None:
    finding = Diagnostic(
        Path("app.py"), 1, 1, 1, 2, "LAM001", "handler-signature", "first\r\nsecond: 100%", "error"
    )
    assert github_format.render([finding], False) == (
        "::error file=app.py,line=1,col=1,endLine=1,endColumn=2,title=LAM001 handler-signature"
        "::first%0D%0Asecond: 100%25\n"
    )


def test_github_of_a_clean_run_prints_nothing(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": PLAIN_HANDLER})
    run = lambdalint("check", "--format", "github", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (0, "", "")


# --- JUnit -----------------------------------------------------------------------------


def test_junit_document_line_by_line(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "app.py": CLIENT_OF.format(service='"a<b&c"'),
            "notify.py": ASYNC_HANDLER.format(name="lambda_handler"),
        },
    )
    run = lambdalint("check", "--format", "junit", cwd=tmp_path)
    client = (
        "boto3.client(&quot;a&lt;b&amp;c&quot;) is created on every invocation; create it"
        " once at module level and reuse it"
    )
    coroutine = async_message()[7:]
    assert run.code == 1
    assert run.stdout.splitlines() == [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="lambdalint" tests="2" failures="2" errors="0">',
        '  <testsuite name="lambdalint" tests="2" failures="2" errors="0" skipped="0">',
        (
            '    <testcase classname="app.py" name="LAM004 client-in-handler at line 5, column 12"'
            ' file="app.py" line="5">'
        ),
        (
            f'      <failure type="LAM004" message="{client}">app.py:5:12: LAM004'
            ' boto3.client("a&lt;b&amp;c") is created on every invocation; create it once at module'
            " level and reuse it</failure>"
        ),
        "    </testcase>",
        (
            '    <testcase classname="notify.py" name="LAM002 async-handler at line 1, column 1"'
            ' file="notify.py" line="1">'
        ),
        (
            f'      <failure type="LAM002" message="{coroutine}">notify.py:1:1: LAM002 {coroutine}'
            "</failure>"
        ),
        "    </testcase>",
        "  </testsuite>",
        "</testsuites>",
    ]


def test_junit_of_the_example_project_has_one_failed_testcase_per_finding() -> None:
    run = lambdalint("check", "--format", "junit", EXAMPLE, cwd=REPO)
    suite = ET.fromstring(run.stdout).find("testsuite")
    cases = suite.findall("testcase")
    assert (suite.get("tests"), suite.get("failures"), len(cases)) == ("8", "8", 8)
    text = lambdalint("check", EXAMPLE, cwd=REPO).stdout.splitlines()
    assert [case.find("failure").text for case in cases] == text
    assert [
        (case.get("file"), case.get("line"), case.find("failure").get("type")) for case in cases
    ] == [(line.split(":")[0], line.split(":")[1], line.split()[1]) for line in text]


def test_junit_of_a_clean_run_is_one_passing_testcase(tmp_path: Path) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": PLAIN_HANDLER})
    run = lambdalint("check", "--format", "junit", cwd=tmp_path)
    assert run.code == 0
    assert run.stdout.splitlines()[1:] == [
        '<testsuites name="lambdalint" tests="1" failures="0" errors="0">',
        '  <testsuite name="lambdalint" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase classname="lambdalint" name="no findings" />',
        "  </testsuite>",
        "</testsuites>",
    ]


def test_junit_stays_well_formed_with_characters_xml_cannot_hold() -> None:
    finding = Diagnostic(
        Path("app\x01.py"),
        1,
        1,
        1,
        2,
        "LAM005",
        "hardcoded-bucket",
        'bucket name "a\x1bb" is hard-coded',
        "warning",
    )
    document = ET.fromstring(junit_format.render([finding], False))
    failure = document.find("testsuite/testcase/failure")
    assert failure.get("message") == 'bucket name "a\ufffdb" is hard-coded'
    assert failure.text == 'app\ufffd.py:1:1: LAM005 bucket name "a\ufffdb" is hard-coded'


# --- --output-file and the configuration -----------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write(
        tmp_path / "proj",
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "app.py": ASYNC_HANDLER.format(name="lambda_handler"),
        },
    )


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "junit"])
def test_output_file_holds_the_report_and_stdout_stays_empty(
    project: Path, output_format: str
) -> None:
    printed = lambdalint("check", "--format", output_format, cwd=project)
    written = lambdalint(
        "check", "--format", output_format, "--output-file", "reports/out", cwd=project
    )
    assert (written.code, written.stdout, written.stderr) == (1, "", "")
    assert (project / "reports/out").read_text(encoding="utf-8") == printed.stdout


def test_output_file_keeps_the_exit_code_of_a_clean_run_and_takes_the_statistics(
    tmp_path: Path,
) -> None:
    write(tmp_path, {"pyproject.toml": "[tool.lambdalint]\n", "app.py": PLAIN_HANDLER})
    clean = lambdalint("check", "--output-file", "out.txt", "--statistics", cwd=tmp_path)
    assert (clean.code, clean.stdout, (tmp_path / "out.txt").read_text()) == (0, "", "")


def test_statistics_go_to_the_output_file_with_the_findings(project: Path) -> None:
    run = lambdalint("check", "--statistics", "--output-file", "out.txt", cwd=project)
    assert (run.code, run.stdout) == (1, "")
    assert (project / "out.txt").read_text() == (
        f"app.py:1:1: {async_message()}\n1     LAM002 async-handler\n"
    )


def test_an_unwritable_output_file_is_one_line_and_exit_2(project: Path) -> None:
    (project / "taken").mkdir()
    run = lambdalint("check", "--output-file", "taken", cwd=project)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "lambdalint: taken: cannot write the report: Is a directory\n"


def test_format_and_output_file_from_the_configuration(project: Path) -> None:
    write(
        project,
        {
            "pyproject.toml": '[tool.lambdalint]\nformat = "github"\n'
            'output-file = "reports/lambdalint.txt"\n'
        },
    )
    (project / "src").mkdir()
    run = lambdalint("check", ".", cwd=project / "src")  # relative to the pyproject.toml
    assert (run.code, run.stdout, run.stderr) == (0, "", "")  # src/ has no handler
    run = lambdalint("check", "..", cwd=project / "src")
    assert (run.code, run.stdout, run.stderr) == (1, "", "")
    assert (
        (project / "reports/lambdalint.txt")
        .read_text()
        .startswith("::error file=../app.py,line=1,col=1,")
    )


def test_the_command_line_overrides_the_configured_format_and_file(project: Path) -> None:
    write(
        project,
        {"pyproject.toml": '[tool.lambdalint]\nformat = "junit"\noutput-file = "configured.xml"\n'},
    )
    run = lambdalint("check", "--format", "text", "--output-file", "given.txt", cwd=project)
    assert (run.code, run.stdout) == (1, "")
    assert (project / "given.txt").read_text() == f"app.py:1:1: {async_message()}\n"
    assert not (project / "configured.xml").exists()


def test_statistics_are_refused_with_a_configured_machine_format(project: Path) -> None:
    write(project, {"pyproject.toml": '[tool.lambdalint]\nformat = "sarif"\n'})
    run = lambdalint("check", "--statistics", cwd=project)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "lambdalint: --statistics works with --format text only\n"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            'format = "xml"',
            "pyproject.toml:2: 'format' must be one of text, json, sarif, github, junit",
        ),
        (
            "format = 3",
            "pyproject.toml:2: 'format' must be one of text, json, sarif, github, junit",
        ),
        ('output-file = ["a", "b"]', "pyproject.toml:2: 'output-file' must be a string"),
        (
            'formt = "json"',
            "pyproject.toml:2: unknown key 'formt' in [tool.lambdalint]; did you mean 'format'?",
        ),
    ],
)
def test_bad_output_settings_in_the_configuration_are_exit_2(
    project: Path, table: str, message: str
) -> None:
    write(project, {"pyproject.toml": f"[tool.lambdalint]\n{table}\n"})
    run = lambdalint("check", cwd=project)
    assert (run.code, run.stdout, run.stderr) == (2, "", f"lambdalint: {message}\n")
