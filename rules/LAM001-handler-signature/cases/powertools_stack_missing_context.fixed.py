# Stacked Powertools decorators, some called with arguments, all keep (event, context): the handler lacks the context.
from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit

logger = Logger(service="orders")
tracer = Tracer(service="orders")
metrics = Metrics(namespace="Shop", service="orders")


@logger.inject_lambda_context(log_event=True, clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics(capture_cold_start_metric=False)
def lambda_handler(event, _context=None):  # error: [LAM001]
    metrics.add_metric(name="OrdersListed", unit=MetricUnit.Count, value=1)
    return {"orders": []}
