import * as cdk from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Template } from 'aws-cdk-lib/assertions';

test('a stack of its own', () => {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Test');
  new lambda.Function(stack, 'Fixture', {
    runtime: lambda.Runtime.PYTHON_3_12,
    handler: 'fixture.handler',
    code: lambda.Code.fromAsset('does-not-exist'),
  });
  Template.fromStack(stack);
});
