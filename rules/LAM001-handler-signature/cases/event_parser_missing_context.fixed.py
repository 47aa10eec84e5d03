# Powertools' event_parser, imported under another name, calls handler(model, context): the handler lacks the context.
from aws_lambda_powertools.utilities.parser import event_parser as parse_event
from aws_lambda_powertools.utilities.parser.models import APIGatewayProxyEventModel


@parse_event(model=APIGatewayProxyEventModel)
def lambda_handler(event, _context=None):  # error: [LAM001]
    return {"statusCode": 200, "body": event.path}
