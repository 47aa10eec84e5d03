from pathlib import Path

from aws_cdk import Stack
from aws_cdk import aws_lambda as _lambda
from aws_cdk.aws_apigatewayv2_integrations import HttpLambdaIntegration
from aws_cdk.aws_lambda_python_alpha import PythonFunction
from constructs import Construct

WORKER = Path(__file__).resolve().parent.parent.parent / "lambda" / "worker"


class ApiStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        api = _lambda.Function(
            self, "ApiFunction",
            runtime=_lambda.Runtime.PYTHON_3_12,
            handler="api.handler",
            code=_lambda.Code.from_asset("lambda/api"),
        )
        HttpLambdaIntegration("ApiIntegration", api)
        PythonFunction(self, "Worker", entry=str(WORKER), index="worker.py")
