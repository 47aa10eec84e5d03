"""LAM004's messages as a user reads them: the advice follows from where the settings come from."""

from __future__ import annotations

from pathlib import Path

from e2e import lambdalint, write

CASES = Path(__file__).resolve().parent.parent / "rules" / "LAM004-client-in-handler" / "cases"


def findings(case: str) -> list[str]:
    run = lambdalint("check", "--no-cache", case, cwd=CASES)
    return [line.split(": ", 1)[1] for line in run.stdout.splitlines() if ": LAM004 " in line]


def test_a_client_configured_from_the_event_is_cached_per_setting() -> None:
    assert findings("websocket_endpoint_from_event.py") == [
        (
            'LAM004 boto3.client("apigatewaymanagementapi") is created on every invocation with'
            " an endpoint from the event; cache one per endpoint (a module-level dict keyed by"
            " endpoint)"
        )
    ]
    assert findings("connection_host_from_event.py")[-1] == (
        "LAM004 pymysql.connect() opens a new connection on every invocation with a host from"
        " the event; cache one per host (a module-level dict keyed by host)"
    )


def test_a_client_built_as_the_default_of_setdefault_is_built_only_when_missing() -> None:
    assert findings("setdefault_cache.py") == [
        (
            'LAM004 boto3.client("sqs") is created on every invocation, even when setdefault finds'
            " its key cached; build it only when the key is missing"
        )
    ]


def test_a_client_with_fixed_settings_is_created_once(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.lambdalint]\n",
            "app.py": (
                "import os\n\nimport boto3\nimport redis\n\n\n"
                "def lambda_handler(event, context):\n"
                '    sqs = boto3.client("sqs", region_name=os.environ["REGION"])\n'
                '    cache = redis.Redis(host=os.environ["REDIS_HOST"])\n'
                '    return sqs.send_message(QueueUrl=event["q"], MessageBody=cache.get("k"))\n'
            ),
        },
    )
    run = lambdalint("check", "--no-cache", "app.py", cwd=tmp_path)
    assert [line.split(": ", 1)[1] for line in run.stdout.splitlines()] == [
        (
            'LAM004 boto3.client("sqs") is created on every invocation; create it once at module'
            " level and reuse it"
        ),
        (
            "LAM004 redis.Redis() opens a new connection pool on every invocation; open it once at"
            " module level (or lazily in a global) and reuse it"
        ),
    ]


def test_a_helper_given_the_events_region_gets_the_per_region_advice() -> None:
    # in the handler's module and in another one; a helper given a constant gets the plain one
    per_region = (
        " is created on every invocation with a region from the event; cache one per region"
        " (a module-level dict keyed by region)"
    )
    assert findings("region_passed_to_helpers") == [
        f'LAM004 boto3.client("sqs"){per_region}',
        (
            'LAM004 boto3.client("sns") is created on every invocation; create it once at module'
            " level and reuse it"
        ),
        (
            f'LAM004 boto3.client("bedrock-runtime"){per_region}; reached from lambda_handler'
            " via region_passed_to_helpers/app.py:17 runtime_client()"
        ),
    ]
