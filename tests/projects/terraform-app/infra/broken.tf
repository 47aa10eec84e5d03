resource "aws_lambda_function" "half_written" {
  function_name = "half"
  handler       = "app.handler
}
