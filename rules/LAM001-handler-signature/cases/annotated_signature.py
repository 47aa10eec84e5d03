# Annotations do not change how the handler binds (event, context): not reported.
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext


def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return {"statusCode": 200, "requestId": context.aws_request_id}
