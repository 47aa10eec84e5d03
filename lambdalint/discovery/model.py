"""What every deployment-format source reports: the functions it declares.

Sources never import or run project code, and never need network or credentials.
Values a source cannot resolve statically (``!Ref``, ``${self:...}``, Terraform
expressions) stay opaque ``Reference``s instead of failing the load.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union


@dataclass(frozen=True)
class Reference:
    """An unresolved value: ``!Ref UploadBucket``, ``!GetAtt Queue.Arn``, ``${self:custom.x}``."""

    kind: str  # "Ref", "GetAtt", "Sub", "ImportValue", "If", "Join", "variable", "terraform", ...
    target: str  # the logical id, attribute path or expression text it names

    def __str__(self) -> str:
        return f"{self.kind}:{self.target}"


Value = Union[str, Reference]


@dataclass(frozen=True)
class EventSource:
    """A trigger: ``S3``, ``SQS``, ``SNS``, ``DynamoDB``, ``Kinesis``, ``Api``, ``HttpApi``,
    ``FunctionUrl``, ``Schedule``… and the bucket, queue, topic or stream it comes from.

    ``Api`` is a REST API with the Lambda proxy integration; ``ApiNonProxy`` one whose
    integration maps the request and response itself (serverless ``integration: lambda``,
    CDK ``LambdaIntegration(..., proxy=False)``).
    """

    type: str
    resource: Value | None = None
    prefix: str | None = None  # S3 notification key filters
    suffix: str | None = None
    # S3: the notification's event names (``s3:ObjectCreated:*``); () when unknown
    s3_events: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    """Something a source could not read or follow, at a file and line: it explains, in
    ``lambdalint handlers``, why a function is skipped."""

    path: Path
    line: int
    message: str
    # a few words for `lambdalint handlers` when the note is why the function is not checked
    unchecked: str | None = None


@dataclass(frozen=True)
class UnreadableFile(Note):
    """A declaration file that does not read or parse: a problem in the project itself."""


@dataclass(frozen=True)
class DeployedFunction:
    name: str  # the logical name in its template
    source: str  # "sam", "serverless", "cdk", "terraform"
    declared_in: Path
    line: int  # the line of the handler setting, or of the function when it has none
    runtime: str | None = None
    handler: str | None = None
    # None: the code is not local (S3 object, unfollowed image); a file: the package holds
    # only that file
    code_root: Path | None = None
    package_type: str = "Zip"  # "Image" for container-image functions
    inline_code: str | None = None  # CloudFormation Code.ZipFile: module "index"
    environment: Mapping[str, Value] = field(default_factory=dict)
    events: tuple[EventSource, ...] = ()
    allows_recursion: bool = False  # RecursiveLoop: Allow / recursiveLoop
    notes: tuple[Note, ...] = ()

    @property
    def is_python(self) -> bool:
        return self.runtime is None or self.runtime.startswith("python")

    @property
    def checkable(self) -> bool:
        """Whether lambdalint can check its code: a local Python package, or the code an image's
        Dockerfile copies."""
        return (
            self.is_python
            and self.handler is not None
            and (self.code_root is not None or self.inline_code is not None)
        )


@dataclass
class Discovery:
    """What one source found under a project root."""

    functions: list[DeployedFunction] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


# CDK attributes that name a construct's own resource: ``queue.queue_url`` is ``queue``, in
# Python and in TypeScript (``queue.queueUrl``).
CDK_RESOURCE_ATTRIBUTES = {
    "python": frozenset(
        {
            "bucket_name",
            "bucket_arn",
            "queue_url",
            "queue_arn",
            "queue_name",
            "topic_arn",
            "topic_name",
        }
    ),
    "typescript": frozenset(
        {"bucketName", "bucketArn", "queueUrl", "queueArn", "queueName", "topicArn", "topicName"}
    ),
}
TERRAFORM_ATTRIBUTE = re.compile(r"(aws_\w+\.\w+)\.\w+")  # aws_sqs_queue.jobs.url
SUB_OF_RESOURCE = re.compile(r"\$\{(\w+)(?:\.\w+)?\}")  # !Sub "${Queue}", "${Queue.Arn}"
SQS_QUEUE = re.compile(
    r"https://sqs\.([\w-]+)\.amazonaws\.com/(\d+)/([\w.-]+)"
    r"|arn:[\w-]+:sqs:([\w-]+):(\d+):([\w.-]+)"
)


def resource_identity(value: Value) -> tuple[str, str]:
    """What every spelling of one resource has in common, whichever format declared it: the
    notation and the logical id, address or name it names (``!Ref Queue`` and
    ``!GetAtt Queue.Arn`` are both Queue; a queue's URL and its ARN are one queue). Rules
    compare these, so a new discovery source teaches its spellings here, not to the rules."""
    if isinstance(value, str):
        queue = SQS_QUEUE.fullmatch(value)  # a queue's URL and its ARN
        return ("sqs", ":".join(filter(None, queue.groups()))) if queue else ("", value)
    target = value.target
    sub = SUB_OF_RESOURCE.fullmatch(target) if value.kind == "Sub" else None
    if value.kind in ("Ref", "GetAtt") or sub is not None:
        return "cloudformation", sub.group(1) if sub is not None else target.split(".")[0]
    address = TERRAFORM_ATTRIBUTE.fullmatch(target) if value.kind == "terraform" else None
    if address is not None:
        return "terraform", address.group(1)
    owner, _, attribute = target.rpartition(".")
    if attribute in CDK_RESOURCE_ATTRIBUTES.get(value.kind, ()):
        return value.kind, owner
    return value.kind, target
