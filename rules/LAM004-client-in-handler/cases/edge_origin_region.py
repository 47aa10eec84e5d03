# A Lambda@Edge function reads the S3 origin's region from the event and builds a client for it, also through a get() and a string method: reported, with advice to cache one per region.
import boto3


def lambda_handler(event, context):
    request = event["Records"][0]["cf"]["request"]
    region = request["origin"]["s3"]["region"]
    s3 = boto3.client("s3", region_name=region)  # error: [LAM004]
    domain = request["origin"]["s3"]["domainName"]
    replica = boto3.client("s3", region_name=event.get("replica_region", domain.split(".")[2]))  # error: [LAM004]
    head = s3.head_object(Bucket=domain.split(".")[0], Key=request["uri"].lstrip("/"))
    replica.head_object(Bucket=domain.split(".")[0], Key=request["uri"].lstrip("/"))
    return request if head["ContentLength"] else {"status": "404"}
