module "reports" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name = "reports"
  handler       = "index.lambda_handler"
  runtime       = "python3.12"

  source_path = [
    "${path.module}/../src/reports",
    { path = "${path.module}/../src/shared", prefix_in_zip = "shared" },
  ]

  environment_variables = {
    REPORT_BUCKET = "acme-reports"
    STAGE         = var.stage
  }

  event_source_mapping = {
    stream = {
      event_source_arn  = aws_dynamodb_table.orders.stream_arn
      starting_position = "LATEST"
    }
  }
}

module "legacy" {
  source = "terraform-aws-modules/lambda/aws"

  function_name          = "legacy"
  handler                = "legacy.handler"
  runtime                = "python3.9"
  create_package         = false
  local_existing_package = "${path.module}/legacy.zip"
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
  name   = "main"
}

module "exporter" {
  source = "terraform-aws-modules/lambda/aws"

  function_name = "exporter"
  handler       = "export.handler"
  runtime       = "python3.12"
  source_path   = "${path.module}/../src/reports"
}
