# A handler written as a lambda whose body is a datetime: reported.
from datetime import datetime

lambda_handler = lambda event, context: {"at": datetime.now().isoformat()}  # error: [LAM003]
