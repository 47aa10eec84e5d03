# boto3 imported inside the handler body and used there: reported like a module import.
def lambda_handler(event, context):
    import boto3

    ssm = boto3.client("ssm")  # error: [LAM004]
    parameter = ssm.get_parameter(Name=event["name"])["Parameter"]
    return {"value": parameter["Value"]}
