import { buildApp } from './build-app.ts';

/** `cdk synth` / `cdk deploy Sourcefront-vn` entry point (cdk.json "app"). */
buildApp().app.synth();
