# The shared Powertools logger of the function's modules: no handler here.
from aws_lambda_powertools import Logger

logger = Logger(service="orders")
