# json.dump() (to a file-like object) of a dict holding a datetime: reported.
import io
import json
from datetime import datetime


def lambda_handler(event, context):
    buffer = io.StringIO()
    json.dump({"at": datetime.now().isoformat()}, buffer)  # error: [LAM003]
    return {"body": buffer.getvalue()}
