# Helpers in a package, reached as `import services.storage` and `from services import db`: each creation is reported in its own module.
import services.storage
from services import db


def lambda_handler(event, context):
    services.storage.upload(event["key"], event["body"])
    return db.find(event["id"])
