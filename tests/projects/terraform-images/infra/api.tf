module "api" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name  = "api"
  create_package = false
  package_type   = "Image"
  image_uri      = module.api_image.image_uri
  timeout        = 30
}

# the same image, another handler
module "report" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name        = "report"
  create_package       = false
  package_type         = "Image"
  image_uri            = module.api_image.image_uri
  image_config_command = ["report.handler"]
}

module "api_image" {
  source  = "terraform-aws-modules/lambda/aws//modules/docker-build"
  version = "~> 7.0"

  create_ecr_repo = true
  ecr_repo        = "api"
  use_image_tag   = true
  image_tag       = "1.0"
  source_path     = "../services/api"
  platform        = "linux/amd64"
}
