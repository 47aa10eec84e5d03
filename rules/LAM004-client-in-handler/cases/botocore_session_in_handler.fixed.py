# botocore.session.get_session() and its create_client() in the handler: both rebuilt per invocation.
import botocore.session


session = botocore.session.get_session()  # error: [LAM004]


kms = session.create_client("kms")  # error: [LAM004]


def lambda_handler(event, context):
    kms.decrypt(CiphertextBlob=event["blob"].encode())
    return {"ok": True}
