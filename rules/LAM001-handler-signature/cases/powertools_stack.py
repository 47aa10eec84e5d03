# Powertools decorators on a handler that takes (event, context): not reported.
from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit

logger = Logger(service="orders")
tracer = Tracer(service="orders")
metrics = Metrics(namespace="Shop", service="orders")


@logger.inject_lambda_context(log_event=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def lambda_handler(event, context):
    metrics.add_metric(name="OrdersListed", unit=MetricUnit.Count, value=1)
    return {"orders": [], "requestId": context.aws_request_id}
