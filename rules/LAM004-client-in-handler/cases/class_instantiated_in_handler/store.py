import boto3


class Store:
    def __init__(self, table):
        self.table = boto3.resource("dynamodb").Table(table)  # error: [LAM004]

    def save(self, item):
        self._archive(item)
        return self.table.put_item(Item=item)

    def _archive(self, item):
        s3 = boto3.client("s3")  # error: [LAM004]
        s3.put_object(Bucket=self.table.name, Key="archive", Body=str(item))

    def unused(self):
        return boto3.client("kms")
