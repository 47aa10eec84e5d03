resource "aws_iam_role" "billing" {
  name = "billing"

  assume_role_policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": "sts:AssumeRole",
      "Principal": { "Service": "lambda.amazonaws.com" },
      "Effect": "Allow"
    }
  ]
}
POLICY   
}

data "archive_file" "billing" {
  type        = "zip"
  source_dir  = "../src/billing"
  output_path = "build/billing.zip"
}

resource "aws_lambda_function" "billing" {
  function_name    = "billing"
  role             = aws_iam_role.billing.arn
  filename         = "${path.module}/build/billing.zip"
  source_code_hash = data.archive_file.billing.output_base64sha256
  handler          = "invoices.handler"
  runtime          = "python3.12"
}
