from pathlib import Path

import aws_cdk.aws_lambda as lambda_
import aws_cdk.aws_lambda_python_alpha as python
from aws_cdk import Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_ecr as ecr
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from aws_cdk.aws_lambda import Code, Function, Runtime
from constructs import Construct

SERVICES = Path(__file__).parent.parent / "services"


class PipelineStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        alerts = sns.Topic(self, "Alerts")

        ingest = python.PythonFunction(
            self, "Ingest",
            entry=str(SERVICES / "ingest"),
            runtime=lambda_.Runtime.PYTHON_3_12,
        )
        alerts.add_subscription(subscriptions.LambdaSubscription(ingest))

        python.PythonFunction(
            self, "Reports",
            entry="services/reports",
            index="handlers/daily.py",
            handler="run",
            runtime=Runtime.PYTHON_3_13,
        ).add_function_url()

        Function(
            self, "Frontend",
            runtime=Runtime.NODEJS_20_X,
            handler="index.handler",
            code=Code.from_asset("web"),
        )

        lambda_.DockerImageFunction(
            self, "Renderer",
            code=lambda_.DockerImageCode.from_ecr(ecr.Repository.from_repository_name(
                self, "Repo", "renderer")),
        )

        Function(
            self, "Configured",
            runtime=Runtime.PYTHON_3_12,
            handler=self.node.try_get_context("handler"),
            code=Code.from_bucket(self.artifacts, "configured.zip"),
        )

        # a REST API that maps requests and responses itself: the handler returns plain data
        legacy_orders = Function(
            self, "LegacyOrders",
            runtime=Runtime.PYTHON_3_12,
            handler="legacy.list_orders",
            code=Code.from_asset("functions/orders"),
        )
        legacy_api = apigw.RestApi(self, "LegacyApi")
        legacy_api.root.add_method("GET", apigw.LambdaIntegration(legacy_orders, proxy=False))

        Function(
            self, "Cleanup",
            runtime=Runtime.PYTHON_3_12,
            handler="cleanup.run",
            code=Code.from_asset("functions/orders"),
        )
