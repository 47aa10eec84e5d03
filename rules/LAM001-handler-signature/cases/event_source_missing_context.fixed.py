# Powertools' event_source (reached through a module alias) calls handler(data_class(event), context): context is missing.
from aws_lambda_powertools.utilities import data_classes


@data_classes.event_source(data_class=data_classes.APIGatewayProxyEvent)
def lambda_handler(event, _context=None):  # error: [LAM001]
    return {"statusCode": 200, "body": event.path}
