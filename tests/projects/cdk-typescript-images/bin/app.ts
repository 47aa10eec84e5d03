#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { ModelStack } from '../lib/model-stack';

const app = new cdk.App();
new ModelStack(app, 'ModelStack');
