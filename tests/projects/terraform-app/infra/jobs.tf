# Each job is one file: the lambda module zips a file path alone, at the archive root.
module "cleanup" {
  source = "terraform-aws-modules/lambda/aws"

  function_name = "cleanup"
  handler       = "cleanup.handler"
  runtime       = "python3.12"
  source_path   = "../src/jobs/cleanup.py"
}

module "nightly" {
  source = "terraform-aws-modules/lambda/aws"

  function_name = "nightly"
  handler       = "nightly.run"
  runtime       = "python3.12"
  source_path   = ["${path.module}/../src/jobs/nightly.py"]
}

module "audit" {
  source = "terraform-aws-modules/lambda/aws"

  function_name = "audit"
  handler       = "audit.lambda_handler"
  runtime       = "python3.12"
  source_path = {
    path             = "${path.module}/../src/jobs/audit.py"
    pip_requirements = false
  }
}

module "purge" {
  source = "terraform-aws-modules/lambda/aws"

  function_name = "purge"
  handler       = "jobs.purge.handler"
  runtime       = "python3.12"
  source_path   = "../src/jobs/purge.py"
}

module "dependencies" {
  source = "terraform-aws-modules/lambda/aws"

  create_layer = true
  layer_name   = "dependencies"
  runtime      = "python3.12"
  source_path  = "../src/jobs"
}
