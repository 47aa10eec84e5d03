# A datetime converted with .isoformat(): a string, which encodes.
from datetime import datetime, timezone


def lambda_handler(event, context):
    return {"at": datetime.now(timezone.utc).isoformat()}
