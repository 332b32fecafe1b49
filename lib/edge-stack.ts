import { Stack, type StackProps, Tags } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { EDGE_REGION, edgeStackName, isDev, type RegionConfig } from './regions.ts';

/** The AWS managed rule groups every distribution is behind, evaluated after the rate limit. */
export const managedRuleGroups = [
  // Addresses Amazon threat intelligence lists as bots, scanners and sources of attacks.
  'AWSManagedRulesAmazonIpReputationList',
  // OWASP-style rules: XSS, path traversal, local file inclusion, oversized bodies, no user agent.
  'AWSManagedRulesCommonRuleSet',
  // Request patterns known to exploit vulnerabilities (Log4j, Java deserialization, ...).
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

export interface EdgeStackProps extends StackProps {
  config: RegionConfig;
}

/**
 * A region's companion stack in us-east-1, where CloudFront-scoped resources must live: the
 * web ACL in front of the region's distributions. The region stack reads its ARN through a
 * cross-region reference (CDK writes it to SSM in the region at deploy time), so synth stays
 * offline and deploying `Sourcefront-vn` deploys `Sourcefront-vn-edge` first.
 */
export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    const { config } = props;
    super(scope, id, {
      ...props,
      env: { ...props.env, region: EDGE_REGION },
      stackName: edgeStackName(config),
      description: `Sourcefront region ${config.key}: CloudFront web ACL (CloudFront-scoped, so in ${EDGE_REGION})`,
      terminationProtection: !isDev(config),
    });
    Tags.of(this).add('app', 'sourcefront');
    Tags.of(this).add('region-key', config.key);
    Tags.of(this).add('stage', config.stage);

    const name = `sourcefront-${config.key}`;
    const visibility = (metric: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${name}-${metric}`,
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${name}-storefront`,
      description: `Sourcefront ${config.key}: rate limit per client IP and AWS managed rules, on every distribution`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('web-acl'),
      rules: [
        {
          // First, so a flood is cut off before the managed rules spend capacity on it.
          name: 'rate-per-client-ip',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              evaluationWindowSec: 300,
              limit: config.sizing.edge.requestsPerIpPer5Minutes,
            },
          },
          visibilityConfig: visibility('rate-per-client-ip'),
        },
        ...managedRuleGroups.map(
          (group, i): CfnWebACL.RuleProperty => ({
            name: group,
            priority: i + 1,
            overrideAction: { none: {} },
            statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: group } },
            visibilityConfig: visibility(group),
          }),
        ),
      ],
    });
  }
}
