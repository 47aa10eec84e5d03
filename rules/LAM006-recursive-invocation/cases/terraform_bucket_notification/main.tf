resource "aws_s3_bucket" "scans" {
  bucket = "acme-scans"
}

data "archive_file" "ocr" {
  type        = "zip"
  source_dir  = "${path.module}/src"
  output_path = "${path.module}/build/ocr.zip"
}

resource "aws_lambda_function" "ocr" {
  function_name = "ocr"
  role          = "arn:aws:iam::123456789012:role/ocr"
  filename      = data.archive_file.ocr.output_path
  handler       = "ocr.handler"
  runtime       = "python3.12"

  environment {
    variables = {
      SCANS_BUCKET = aws_s3_bucket.scans.bucket
    }
  }
}

resource "aws_s3_bucket_notification" "scans" {
  bucket = aws_s3_bucket.scans.id

  lambda_function {
    lambda_function_arn = aws_lambda_function.ocr.arn
    events              = ["s3:ObjectCreated:*"]
    filter_suffix       = ".pdf"
  }
}
