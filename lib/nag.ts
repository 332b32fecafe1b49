import { type CfnElement, Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges a cdk-nag AwsSolutions finding on a construct (and its children). Every call
 * sits next to the construct it is about, with the reason the finding is accepted there.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: `AwsSolutions-${id}`, reason });
}

/** How cdk-nag renders a resource ARN in IAM5 finding ids: tokens as `<Logical.Arn>`, pseudo parameters as `<AWS::Region>`. */
export function nagArn(scope: IConstruct, service: string, resource: string): string {
  const stack = Stack.of(scope);
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  return `arn:<AWS::Partition>:${service}:${region}:${account}:${resource}`;
}

/** `<DataTableFDBAD0F2.Arn>`: a resource's ARN attribute as cdk-nag renders it. */
export function nagAttr(element: CfnElement, attribute = 'Arn'): string {
  return `<${Stack.of(element).getLogicalId(element)}.${attribute}>`;
}
