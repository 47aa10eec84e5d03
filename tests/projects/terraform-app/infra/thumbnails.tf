resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads-${var.stage}"
}

data "archive_file" "thumbnail" {
  type        = "zip"
  source_file = "${path.module}/../src/thumbnail/resize.py"
  output_path = "${path.module}/build/thumbnail.zip"
}

resource "aws_lambda_function" "thumbnail" {
  function_name = "thumbnail"
  role          = aws_iam_role.lambda.arn
  filename      = data.archive_file.thumbnail.output_path
  handler       = "resize.lambda_handler"
  runtime       = "python3.11"

  environment {
    variables = {
      BUCKET = aws_s3_bucket.uploads.id
    }
  }
}

resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  lambda_function {
    lambda_function_arn = aws_lambda_function.thumbnail.arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = "incoming/"
    filter_suffix       = ".jpg"
  }
}

resource "aws_lambda_function_recursion_config" "thumbnail" {
  function_name  = aws_lambda_function.thumbnail.function_name
  recursive_loop = "Allow"
}
