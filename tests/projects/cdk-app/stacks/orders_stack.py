from aws_cdk import Duration, Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_lambda as _lambda
from aws_cdk import aws_s3 as s3
from aws_cdk import aws_s3_notifications as s3n
from aws_cdk import aws_sqs as sqs
from aws_cdk.aws_lambda_event_sources import S3EventSource, SqsEventSource
from constructs import Construct

ORDERS_HANDLER = "app.handler"
PYTHON = _lambda.Runtime.PYTHON_3_12


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        table = dynamodb.Table(self, "Orders", partition_key=dynamodb.Attribute(
            name="id", type=dynamodb.AttributeType.STRING))
        self.queue = sqs.Queue(self, "OrdersQueue", visibility_timeout=Duration.seconds(60))
        uploads = s3.Bucket(self, "Uploads")

        orders = _lambda.Function(
            self, "OrdersFunction",
            runtime=PYTHON,
            handler=ORDERS_HANDLER,
            code=_lambda.Code.from_asset("functions/orders"),
            environment={
                "TABLE_NAME": table.table_name,
                "QUEUE_URL": self.queue.queue_url,
                "LOG_LEVEL": "INFO",
            },
        )
        orders.add_event_source(SqsEventSource(self.queue, batch_size=10))
        orders.add_environment("POWERTOOLS_SERVICE_NAME", "orders")
        apigw.LambdaRestApi(self, "OrdersApi", handler=orders)

        asset_dir = "functions/thumbnails"
        self.thumbnails = _lambda.Function(
            self, "Thumbnails",
            runtime=_lambda.Runtime.PYTHON_3_11,
            handler="resize.lambda_handler",
            code=_lambda.Code.from_asset(asset_dir),
            environment={"BUCKET": uploads.bucket_name},
            recursive_loop=_lambda.RecursiveLoop.ALLOW,
        )
        self.thumbnails.add_event_source(S3EventSource(
            uploads, events=[s3.EventType.OBJECT_CREATED],
            filters=[s3.NotificationKeyFilter(prefix="incoming/", suffix=".jpg")]))

        audit = _lambda.Function(
            self, "Audit",
            runtime=PYTHON,
            handler="index.handler",
            code=_lambda.Code.from_inline(
                "def handler(event, context):\n    print(event)\n"),
        )
        uploads.add_event_notification(
            s3.EventType.OBJECT_REMOVED, s3n.LambdaDestination(audit),
            s3.NotificationKeyFilter(prefix="archive/"))
