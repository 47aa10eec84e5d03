import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { PythonFunction } from '@aws-cdk/aws-lambda-python-alpha';
import { Construct } from 'constructs';
import * as fs from 'fs';
import * as path from 'path';

const ORDERS_HANDLER = 'app.handler';

export class OrdersStack extends Stack {
  public readonly orders: lambda.Function;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const queue = new sqs.Queue(this, 'OrdersQueue', { visibilityTimeout: Duration.seconds(60) });
    const reportsBucket = new s3.Bucket(this, 'Reports');

    this.orders = new lambda.Function(this, 'OrdersFunction', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: ORDERS_HANDLER,
      code: lambda.Code.fromAsset(path.join(__dirname, '..', 'lambda', 'orders')),
      environment: {
        QUEUE_URL: queue.queueUrl,
        LOG_LEVEL: 'INFO',
      },
    });
    this.orders.addEventSource(new SqsEventSource(queue, { batchSize: 10 }));
    new apigw.LambdaRestApi(this, 'OrdersApi', { handler: this.orders });

    const reports = new PythonFunction(this, 'DailyReport', {
      entry: 'services/reports',
      index: 'daily.py',
      handler: 'run',
      runtime: lambda.Runtime.PYTHON_3_13,
      environment: { REPORTS_BUCKET: reportsBucket.bucketName },
    });
    reportsBucket.addEventNotification(s3.EventType.OBJECT_CREATED,
      new s3n.LambdaDestination(reports), { prefix: 'reports/' });

    new lambda.Function(this, 'Setup', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'index.on_event',
      code: lambda.Code.fromInline(fs.readFileSync(path.join(__dirname, '../custom/setup.py'), 'utf8')),
    });

    new lambda.Function(this, 'Cleanup', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'index.handler',
      code: lambda.Code.fromInline(`
import json


async def handler(event, context):
    print(json.dumps(event))
`),
    });

    new lambda.Function(this, 'Frontend', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '../web')),
    });
  }
}
