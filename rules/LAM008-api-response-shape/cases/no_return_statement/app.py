# A handler without any return gives API Gateway null.
import logging

logger = logging.getLogger()


def handler(event, context):  # error: [LAM008]
    logger.info("order %s requested", event["pathParameters"]["id"])
