# A custom resource (without cfnresponse or crhelper) builds a client for the region its ResourceProperties name: it runs on stack operations only, not reported.
import json
import urllib.request

import boto3


def lambda_handler(event, context):
    properties = event["ResourceProperties"]
    ssm = boto3.client("ssm", region_name=properties["Region"])
    if event["RequestType"] != "Delete":
        ssm.put_parameter(Name=properties["Name"], Value=properties["Value"], Overwrite=True)
    body = json.dumps({"Status": "SUCCESS", "PhysicalResourceId": properties["Name"],
                       "StackId": event["StackId"], "RequestId": event["RequestId"],
                       "LogicalResourceId": event["LogicalResourceId"]}).encode()
    urllib.request.urlopen(urllib.request.Request(event["ResponseURL"], data=body, method="PUT"))
