#!/usr/bin/env python3
import aws_cdk as cdk

from stacks.api.stack import ApiStack

app = cdk.App()
ApiStack(app, "ApiStack")
app.synth()
