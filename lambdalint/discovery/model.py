"""What every deployment-format source reports: the functions it declares.

Sources never import or run project code, and never need network or credentials.
Values a source cannot resolve statically (``!Ref``, ``${self:...}``, Terraform
expressions) stay opaque ``Reference``s instead of failing the load.
"""

from __future__ import annotations

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
