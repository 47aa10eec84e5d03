resource "aws_ecr_repository" "worker" {
  name = "worker"
}

resource "docker_image" "worker" {
  name = "${aws_ecr_repository.worker.repository_url}:latest"
  build {
    context    = "${path.module}/../services/worker"
    dockerfile = "Dockerfile.lambda"
    build_args = {
      PYTHON_VERSION = "3.13"
    }
  }
}

resource "docker_registry_image" "worker" {
  name = docker_image.worker.name
}

resource "aws_lambda_function" "nightly" {
  function_name = "nightly"
  role          = aws_iam_role.worker.arn
  package_type  = "Image"
  image_uri     = "${docker_registry_image.worker.name}@${docker_registry_image.worker.sha256_digest}"

  image_config {
    command = ["jobs.nightly.run"]
  }
}

resource "aws_lambda_function" "vendor" {
  function_name = "vendor"
  role          = aws_iam_role.worker.arn
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/vendor:2.1"
}

resource "aws_iam_role" "worker" {
  name               = "worker"
  assume_role_policy = "{}"
}
