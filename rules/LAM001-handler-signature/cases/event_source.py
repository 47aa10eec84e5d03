# Powertools' event_source on a handler that takes (event, context): not reported.
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent, event_source


@event_source(data_class=APIGatewayProxyEvent)
def lambda_handler(event, context):
    return {"statusCode": 200, "body": event.path}
