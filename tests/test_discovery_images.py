"""Container-image functions: the handler and code come from the Dockerfile the deployment builds.

What a user sees: the `lambdalint handlers` rows, and the findings `lambdalint check` reports
in the code the Dockerfile copies into the image.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from e2e import async_message, lambdalint, write

PROJECTS = Path(__file__).parent / "projects"

SAM_IMAGES_TABLE = """\
NAME                   RUNTIME     HANDLER                    CODE                            DECLARED IN                 TRIGGERS  INTENT
HelloFunction          python3.12  app.lambda_handler         hello/app.py:lambda_handler     template.yaml:21            Api
NightlyFunction        python3.11  jobs.nightly.run           worker/src/jobs/nightly.py:run  template.yaml:30            -
WeeklyFunction         python3.11  jobs.weekly.run            LAM007: module not found        template.yaml:40            -
RicFunction            python3.12  main.handler               ric/main.py:handler             template.yaml:50            -
NodeFunction           nodejs20.x  -                          not checked: nodejs20.x         template.yaml:52            -
SlimFunction           python3.12  -                          not checked: image              template.yaml:60            -
BuiltFunction          python3.12  -                          not checked: image              template.yaml:67            -
RegistryFunction       -           -                          not checked: image              template.yaml:74            -
worker.src.jobs.daily  -           worker.src.jobs.daily.run  worker/src/jobs/daily.py:run    worker/src/jobs/daily.py:1  -

template.yaml:57: NodeFunction: the image built from node/Dockerfile is not checked: image public.ecr.aws/lambda/nodejs:20 is not a Lambda Python base image and does not run awslambdaric
template.yaml:65: SlimFunction: the image built from slim/Dockerfile is not checked: image python:3.12-slim is not a Lambda Python base image and does not run awslambdaric
template.yaml:72: BuiltFunction: the image built from built/Dockerfile is not checked: module 'service' of handler 'service.handler.main' may come from 'COPY --from=build /build/out /var/task', which lambdalint cannot follow
"""


def copy_project(tmp_path: Path) -> Path:
    return shutil.copytree(PROJECTS / "image-app", tmp_path / "image-app")


def test_sam_image_functions_are_listed_with_the_dockerfiles_handler_and_code(
    tmp_path: Path,
) -> None:
    run = lambdalint("handlers", cwd=copy_project(tmp_path))
    assert (run.code, run.stderr) == (0, "")
    assert run.stdout == SAM_IMAGES_TABLE


def test_the_code_an_image_copies_is_checked_like_a_zip_functions(tmp_path: Path) -> None:
    run = lambdalint("check", ".", cwd=copy_project(tmp_path))
    assert (run.stdout.splitlines(), run.stderr, run.code) == (
        [
            (
                'hello/app.py:7:13: LAM004 boto3.resource("dynamodb") is created on every invocation;'
                " create it once at module level and reuse it"
            ),
            # ImageConfig.Command overrides CMD and names a module the image does not contain
            (
                "template.yaml:40:19: LAM007 handler 'jobs.weekly.run': module file jobs/weekly.py not"
                " found under code root worker/src"
            ),
            f"worker/src/jobs/nightly.py:1:1: {async_message('run')}",
        ],
        "",
        1,
    )


CDK_STACK = """\
import aws_cdk as cdk
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

MODEL_DIR = "services/model"


class ModelStack(cdk.Stack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        lambda_.DockerImageFunction(
            self, "Predict",
            code=lambda_.DockerImageCode.from_image_asset(MODEL_DIR),
        )
        lambda_.DockerImageFunction(
            self, "Train",
            code=lambda_.DockerImageCode.from_image_asset(
                MODEL_DIR, file="Dockerfile.train", cmd=["train.handler"]),
        )
        lambda_.DockerImageFunction(
            self, "Evaluate",
            code=lambda_.DockerImageCode.from_image_asset(MODEL_DIR, cmd=["evaluate.handler"]),
        )
        lambda_.Function(
            self, "Score", runtime=lambda_.Runtime.FROM_IMAGE, handler=lambda_.Handler.FROM_IMAGE,
            code=lambda_.Code.from_asset_image(MODEL_DIR, cmd=["predict.handler"]),
        )
"""


def test_cdk_docker_image_functions_read_the_assets_dockerfile(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "cdk.json": '{"app": "python3 app.py"}\n',
            "stacks/model_stack.py": CDK_STACK,
            "services/model/Dockerfile": "FROM public.ecr.aws/lambda/python:3.13\n"
            'COPY *.py ${LAMBDA_TASK_ROOT}/\nCMD ["predict.handler"]\n',
            "services/model/Dockerfile.train": "FROM public.ecr.aws/lambda/python:3.13\n"
            "COPY . ${LAMBDA_TASK_ROOT}\n",
            "services/model/predict.py": "import boto3\n\n\ndef handler(event, context):\n"
            "    return boto3.client('s3').list_buckets()\n",
            "services/model/train.py": "async def handler(event, context):\n    pass\n",
        },
    )
    run = lambdalint("handlers", cwd=tmp_path)
    assert run.stdout.splitlines()[:5] == [
        (
            "NAME      RUNTIME     HANDLER           CODE                               DECLARED IN"
            "               TRIGGERS  INTENT"
        ),
        "Predict   python3.13  predict.handler   services/model/predict.py:handler  stacks/model_stack.py:13  -",
        # no CMD in Dockerfile.train: cmd= names the handler
        "Train     python3.13  train.handler     services/model/train.py:handler    stacks/model_stack.py:18  -",
        "Evaluate  python3.13  evaluate.handler  LAM007: module not found           stacks/model_stack.py:22  -",
        "Score     python3.13  predict.handler   services/model/predict.py:handler  stacks/model_stack.py:26  -",
    ]
    run = lambdalint("check", ".", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        (
            'services/model/predict.py:5:12: LAM004 boto3.client("s3") is created on every invocation;'
            " create it once at module level and reuse it"
        ),
        f"services/model/train.py:1:1: {async_message('handler')}",
        (
            "stacks/model_stack.py:22:75: LAM007 handler 'evaluate.handler': module file evaluate.py not"
            " found under code root services/model"
        ),
    ]


def test_serverless_images_built_from_provider_ecr_read_their_dockerfile(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "serverless.yml": "service: images\nprovider:\n  name: aws\n  ecr:\n    images:\n"
            "      app:\n        path: ./\n        file: Dockerfile.lambda\n"
            "functions:\n  hello:\n    image: app\n"
            "  report:\n    image:\n      name: app\n      command:\n"
            "        - reports.daily\n"
            "  remote:\n    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/x:1\n",
            "Dockerfile.lambda": "FROM public.ecr.aws/lambda/python:3.12\n"
            'COPY src/ ${LAMBDA_TASK_ROOT}/\nCMD ["hello.handler"]\n',
            "src/hello.py": "async def handler(event, context):\n    pass\n",
        },
    )
    run = lambdalint("handlers", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        "NAME    RUNTIME     HANDLER        CODE                      DECLARED IN        TRIGGERS  INTENT",
        "hello   python3.12  hello.handler  src/hello.py:handler      serverless.yml:11  -",
        "report  python3.12  reports.daily  LAM007: module not found  serverless.yml:15  -",
        "remote  -           -              not checked: image        serverless.yml:17  -",
    ]
    run = lambdalint("check", ".", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        (
            "serverless.yml:15:1: LAM007 handler 'reports.daily': module file reports.py not found"
            " under code root src"
        ),
        f"src/hello.py:1:1: {async_message('handler')}",
    ]


ONE_IMAGE_FUNCTION = (
    "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
    "      PackageType: Image\n    Metadata:\n      DockerContext: ./fn\n"
)
HANDLER = "def handler(event, context):\n    pass\n"


@pytest.mark.parametrize(
    ("dockerfile", "code", "note"),
    [
        # continuation lines and a build argument in the destination
        (
            (
                "ARG FUNCTION_DIR=/var/task\nFROM public.ecr.aws/lambda/python:3.12\nARG FUNCTION_DIR\n"
                'COPY app.py \\\n     requirements.txt \\\n     ${FUNCTION_DIR}/\nCMD ["app.handler"]\n'
            ),
            "fn/app.py:handler",
            None,
        ),
        # the runtime interface client imports the handler from the working directory
        (
            (
                'ARG FUNCTION_DIR="/function"\nFROM python:3.12 AS build\nARG FUNCTION_DIR\n'
                "RUN mkdir -p ${FUNCTION_DIR}\nCOPY . ${FUNCTION_DIR}\n"
                "RUN pip install --target ${FUNCTION_DIR} awslambdaric\n"
                "FROM python:3.12-slim\nARG FUNCTION_DIR\nWORKDIR ${FUNCTION_DIR}\nCOPY pkg ${FUNCTION_DIR}/pkg\n"
                'ENTRYPOINT [ "/usr/local/bin/python", "-m", "awslambdaric" ]\nCMD [ "pkg.app.handler" ]\n'
            ),
            "fn/pkg/app.py:handler",
            None,
        ),
        # a package folder copied under the task root keeps its name: the context is the code root
        (
            'FROM amazon/aws-lambda-python:3.9\nCOPY pkg/ ${LAMBDA_TASK_ROOT}/pkg/\nCMD ["pkg.app.handler"]\n',
            "fn/pkg/app.py:handler",
            None,
        ),
        # the shell form hands /bin/sh to the entry point, not the handler
        (
            "FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ./\nCMD app.handler\n",
            "not checked: image",
            'no CMD names the handler as ["module.function"]',
        ),
        (
            (
                'FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ./\nENTRYPOINT ["/opt/run.sh"]\n'
                'CMD ["app.handler"]\n'
            ),
            "not checked: image",
            "ENTRYPOINT /opt/run.sh replaces the Lambda entry point",
        ),
        (
            (
                "FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ./\nENV AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap\n"
                'CMD ["run.sh"]\n'
            ),
            "not checked: image",
            "AWS_LAMBDA_EXEC_WRAPPER decides what the image runs",
        ),
        (
            (
                "FROM public.ecr.aws/lambda/python:3.12\nCOPY pyproject.toml ./\n"
                "RUN pip install -r requirements.txt && pip install . --target ${LAMBDA_TASK_ROOT}\n"
                'CMD ["service.handler"]\n'
            ),
            "not checked: image",
            (
                "module 'service' of handler 'service.handler' may come from"
                " 'RUN pip install -r requirements.txt && pip install . --target /var/task', which"
                " lambdalint cannot follow"
            ),
        ),
        (
            (
                "FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ${LAMBDA_TASK_ROOT}/main.py\n"
                'CMD ["main.handler"]\n'
            ),
            "not checked: image",
            (
                "module 'main' of handler 'main.handler' may come from"
                " 'COPY app.py /var/task/main.py', which lambdalint cannot follow"
            ),
        ),
    ],
)
def test_what_a_dockerfile_lets_lambdalint_follow(
    dockerfile: str, code: str, note: str | None, tmp_path: Path
) -> None:
    write(
        tmp_path,
        {
            "template.yaml": ONE_IMAGE_FUNCTION,
            "fn/Dockerfile": dockerfile,
            "fn/app.py": HANDLER,
            "fn/pkg/__init__.py": "",
            "fn/pkg/app.py": HANDLER,
            "fn/requirements.txt": "",
            "fn/pyproject.toml": "",
        },
    )
    run = lambdalint("handlers", "--format", "json", cwd=tmp_path)
    # the other app.py, which nothing deploys, is listed too: a handler by naming convention
    (row,) = [row for row in json.loads(run.stdout) if row["source"] != "convention"]
    assert (row["code"], [found["message"] for found in row["notes"]]) == (
        code,
        [] if note is None else [f"Fn: the image built from fn/Dockerfile is not checked: {note}"],
    )


CDK_TYPESCRIPT_TABLE = """\
NAME      RUNTIME     HANDLER          CODE                             DECLARED IN            TRIGGERS  INTENT
Predict   python3.12  predict.handler  docker/predict.py:handler        lib/model-stack.ts:16  -
Batch     python3.12  batch.run        docker/batch.py:run              lib/model-stack.ts:24  -
Score     python3.11  score.handler    services/score/score.py:handler  lib/model-stack.ts:32  -
Registry  -           -                not checked: image               lib/model-stack.ts:36  -
"""
TERRAFORM_TABLE = """\
NAME                         RUNTIME     HANDLER             CODE                                     DECLARED IN         TRIGGERS  INTENT
module.api                   python3.12  app.lambda_handler  services/api/app.py:lambda_handler       infra/api.tf:8      -
module.report                python3.12  report.handler      services/api/report.py:handler           infra/api.tf:21     -
aws_lambda_function.nightly  python3.13  jobs.nightly.run    services/worker/src/jobs/nightly.py:run  infra/worker.tf:26  -
aws_lambda_function.vendor   -           -                   not checked: image                       infra/worker.tf:31  -

infra/worker.tf:35: aws_lambda_function.vendor: code is the container image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/vendor:2.1; not checked
"""


@pytest.mark.parametrize(
    ("project", "table"),
    [
        # DockerImageFunction from an asset folder, with and without a cmd override;
        # Function with Handler.FROM_IMAGE and Code.fromAssetImage; an image from ECR
        ("cdk-typescript-images", CDK_TYPESCRIPT_TABLE),
        # the docker-build module, with and without image_config_command; the docker provider's
        # docker_image pushed by docker_registry_image, with image_config; an image in a registry
        ("terraform-images", TERRAFORM_TABLE),
    ],
)
def test_images_built_from_a_local_dockerfile_are_listed_with_its_handler(
    project: str, table: str, tmp_path: Path
) -> None:
    run = lambdalint("handlers", cwd=shutil.copytree(PROJECTS / project, tmp_path / project))
    assert (run.code, run.stderr, run.stdout) == (0, "", table)


@pytest.mark.parametrize(
    ("project", "findings"),
    [
        (
            "cdk-typescript-images",
            [
                f"docker/batch.py:4:1: {async_message('run')}",
                (
                    'docker/predict.py:7:15: LAM004 boto3.client("sagemaker-runtime") is created on every'
                    " invocation; create it once at module level and reuse it"
                ),
                (
                    "lib/model-stack.ts:32:1: LAM007 handler 'score.handler': services/score/score.py has no"
                    " top-level 'handler'"
                ),
            ],
        ),
        (
            "terraform-images",
            [
                (
                    'services/api/app.py:8:13: LAM004 boto3.resource("dynamodb") is created on every'
                    " invocation; create it once at module level and reuse it"
                ),
                (
                    "services/api/app.py:10:40: LAM003 json.dumps() gets a DynamoDB item (table.get_item(...)"
                    " at line 9) whose numbers are Decimal ('quantity' is one, as line 15 shows), which"
                    " stdlib json cannot encode; pass default=str or convert the numbers"
                ),
                f"services/worker/src/jobs/nightly.py:1:1: {async_message('run')}",
            ],
        ),
    ],
)
def test_the_code_a_local_image_build_copies_is_checked(
    project: str, findings: list[str], tmp_path: Path
) -> None:
    run = lambdalint("check", cwd=shutil.copytree(PROJECTS / project, tmp_path / project))
    assert (run.stdout.splitlines(), run.stderr, run.code) == (findings, "", 1)


TERRAFORM_IMAGE_FUNCTION = """\
resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "docker_image" "app" {
  name = "${aws_ecr_repository.app.repository_url}:latest"
  build {
    context = %s
  }
}

resource "aws_lambda_function" "app" {
  function_name = "app"
  role          = "arn:aws:iam::123456789012:role/app"
  package_type  = "Image"
  image_uri     = "${aws_ecr_repository.app.repository_url}:latest"
  depends_on    = [docker_image.app]
  image_config {
    command = %s
  }
}

variable "context" {}
variable "command" {}
"""


@pytest.mark.parametrize(
    ("context", "command", "code", "note"),
    [
        # image_uri names no build, but it is the very name the docker_image builds
        ('"app"', '["main.handler"]', "app/main.py:handler", None),
        (
            "var.context",
            '["main.handler"]',
            "not checked: image",
            (
                "main.tf:16: aws_lambda_function.app:"
                " the build context or Dockerfile var.context of its image cannot be read without running"
                " Terraform; not checked"
            ),
        ),
        (
            '"app"',
            "var.command",
            "not checked: image",
            (
                "main.tf:18: aws_lambda_function.app: command"
                " var.command cannot be read without running Terraform; not checked"
            ),
        ),
    ],
)
def test_what_a_terraform_image_build_lets_lambdalint_follow(
    context: str, command: str, code: str, note: str | None, tmp_path: Path
) -> None:
    write(
        tmp_path,
        {
            "main.tf": TERRAFORM_IMAGE_FUNCTION % (context, command),
            "app/Dockerfile": "FROM public.ecr.aws/lambda/python:3.12\nCOPY . .\n",
            "app/main.py": HANDLER,
        },
    )
    run = lambdalint("handlers", "--format", "json", cwd=tmp_path)
    # an image lambdalint cannot follow claims no file: main.py is then checked by convention
    (row,) = [row for row in json.loads(run.stdout) if row["source"] != "convention"]
    assert (
        row["code"],
        [f"{found['path']}:{found['line']}: {found['message']}" for found in row["notes"]],
    ) == (code, [] if note is None else [note])
