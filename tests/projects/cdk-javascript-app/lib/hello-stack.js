const { Stack } = require('aws-cdk-lib');
const { Code, Function, Runtime } = require('aws-cdk-lib/aws-lambda');
const { SnsEventSource } = require('aws-cdk-lib/aws-lambda-event-sources');
const sns = require('aws-cdk-lib/aws-sns');

class HelloStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const topic = new sns.Topic(this, 'Greetings');
    const hello = new Function(this, 'Hello', {
      runtime: Runtime.PYTHON_3_11,
      handler: 'hello.app.lambda_handler',
      code: Code.fromAsset('src'),
      events: [new SnsEventSource(topic)],
    });
    hello.addEnvironment('TOPIC_ARN', topic.topicArn);
  }
}

module.exports = { HelloStack };
