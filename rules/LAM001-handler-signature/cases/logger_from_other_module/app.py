# The Powertools logger is imported from another module; lambdalint does not follow it and stays silent.
# oracle: a known false negative: a decorator's receiver imported from another module is not resolved
from observability import logger


@logger.inject_lambda_context
def lambda_handler(event):
    return {"orders": []}
