resource "aws_lambda_function" "archiver" {
  function_name = "archiver"
  role          = aws_iam_role.lambda.arn
  s3_bucket     = "acme-artifacts"
  s3_key        = "archiver/${var.stage}.zip"
  handler       = "archiver.handler"
  runtime       = "python3.12"
}

resource "aws_lambda_function" "renderer" {
  function_name = "renderer"
  role          = aws_iam_role.lambda.arn
  package_type  = "Image"
  image_uri     = "${aws_ecr_repository.renderer.repository_url}:latest"
}

resource "aws_lambda_function" "notifier" {
  function_name = "notifier"
  role          = aws_iam_role.lambda.arn
  filename      = "${path.module}/build/notifier.zip"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
}

resource "aws_lambda_function" "dynamic" {
  function_name = "dynamic"
  role          = aws_iam_role.lambda.arn
  filename      = data.archive_file.orders.output_path
  handler       = var.dynamic_handler
  runtime       = "python3.12"
  environment {
    variables = var.dynamic_environment
  }
}

resource "aws_sns_topic_subscription" "alerts" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "lambda"
  endpoint  = aws_lambda_function.archiver.arn
}

resource "aws_lambda_permission" "api" {
  statement_id  = "AllowAPIGateway"
  action        = "lambda:InvokeFunction"
  function_name = "archiver"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

resource "aws_lambda_event_source_mapping" "external" {
  event_source_arn = "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks"
  function_name    = var.external_function
}
