# CDK: SqsEventSource(queue) triggers the function and queue.queue_url names the same queue (the code is in lambda/).
import aws_cdk as cdk
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from aws_cdk.aws_lambda_event_sources import SqsEventSource


class RetryStack(cdk.Stack):
    def __init__(self, scope, construct_id):
        super().__init__(scope, construct_id)
        queue = sqs.Queue(self, "Retries")
        function = lambda_.Function(
            self, "Retrier",
            runtime=lambda_.Runtime.PYTHON_3_12,
            handler="retry.handler",
            code=lambda_.Code.from_asset("lambda"),
            environment={"RETRY_QUEUE_URL": queue.queue_url},
        )
        function.add_event_source(SqsEventSource(queue))


app = cdk.App()
RetryStack(app, "RetryStack")
app.synth()
