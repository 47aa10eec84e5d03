variable "python_runtime" {
  type    = string
  default = "python3.12"
}

locals {
  api_routes = toset(["users", "teams"])
}

module "api" {
  source   = "terraform-aws-modules/lambda/aws"
  for_each = local.api_routes

  function_name = "api-${each.key}"
  handler       = "${each.key}.lambda_handler"
  runtime       = var.python_runtime
  source_path   = "${path.module}/../src/api/"
}
