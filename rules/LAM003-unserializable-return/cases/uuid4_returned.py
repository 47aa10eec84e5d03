# uuid.uuid4() in the response: a UUID object, which the runtime cannot encode.
import uuid


def lambda_handler(event, context):
    request_id = uuid.uuid4()
    return {"statusCode": 201, "id": request_id}  # error: [LAM003]
