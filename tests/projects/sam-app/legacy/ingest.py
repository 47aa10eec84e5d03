import os


def main(event, context):
    return {"bucket": os.environ["TARGET_BUCKET"], "records": len(event.get("Records", []))}
