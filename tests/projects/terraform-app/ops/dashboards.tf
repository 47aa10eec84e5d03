resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = "orders"

  dashboard_body = <<EOF
{
  "widgets": []
}
EOF  
}

resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name = "orders-errors"
  threshold  = 
}
