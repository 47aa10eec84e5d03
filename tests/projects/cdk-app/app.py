#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.orders_stack import OrdersStack
from stacks.pipeline_stack import PipelineStack

app = cdk.App()
OrdersStack(app, "OrdersStack")
PipelineStack(app, "PipelineStack")
app.synth()
