# A helper taking (event, context, ...) that the handler calls is not a handler itself, so its extra parameter is fine: not reported.
import json


def response_body(event, context, status):
    return json.dumps({"Status": status, "PhysicalResourceId": context.log_stream_name,
                       "RequestId": event.get("RequestId")})


def lambda_handler(event, context):
    return {"body": response_body(event, context, "SUCCESS")}
