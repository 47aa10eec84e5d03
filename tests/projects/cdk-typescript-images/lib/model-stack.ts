import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as assets from 'aws-cdk-lib/aws-ecr-assets';
import * as lambda from 'aws-cdk-lib/aws-lambda';

const MODEL_DIR = path.join(__dirname, '../docker');

export class ModelStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    // the Dockerfile's CMD names the handler
    new lambda.DockerImageFunction(this, 'Predict', {
      code: lambda.DockerImageCode.fromImageAsset(MODEL_DIR),
      memorySize: 2048,
    });

    // one image, another handler: cmd overrides the Dockerfile's CMD
    new lambda.DockerImageFunction(this, 'Batch', {
      code: lambda.DockerImageCode.fromImageAsset(MODEL_DIR, {
        platform: assets.Platform.LINUX_AMD64,
        cmd: ['batch.run'],
      }),
      timeout: cdk.Duration.minutes(15),
    });

    new lambda.Function(this, 'Score', {
      runtime: lambda.Runtime.FROM_IMAGE,
      handler: lambda.Handler.FROM_IMAGE,
      code: lambda.Code.fromAssetImage('services/score', { file: 'Dockerfile.lambda' }),
    });

    const repository = ecr.Repository.fromRepositoryName(this, 'Models', 'models');
    new lambda.DockerImageFunction(this, 'Registry', {
      code: lambda.DockerImageCode.fromEcr(repository, { tagOrDigest: 'v1' }),
    });
  }
}
