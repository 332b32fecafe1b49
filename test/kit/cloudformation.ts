import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomResourceEvent } from '../../functions/custom-resource.ts';

/** The body CloudFormation receives on a custom resource's pre-signed ResponseURL. */
export interface CloudFormationAnswer {
  method: string;
  Status: 'SUCCESS' | 'FAILED';
  Reason: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data: Record<string, string>;
}

/**
 * A local stand-in for CloudFormation's pre-signed ResponseURL: a real HTTP server that keeps
 * every answer, and events addressed to it as CloudFormation would send them.
 */
export async function cloudFormationStandIn() {
  const answers: CloudFormationAnswer[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      answers.push({ method: req.method ?? '', ...JSON.parse(body) });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const responseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/response`;
  return {
    answers,
    responseUrl,
    last: () => answers.at(-1)!,
    event<P extends Record<string, string | undefined>>(
      requestType: CustomResourceEvent<P>['RequestType'],
      logicalResourceId: string,
      properties: P,
      extra: Partial<CustomResourceEvent<P>> = {},
    ): CustomResourceEvent<P> {
      return {
        RequestType: requestType,
        ResponseURL: responseUrl,
        StackId: 'arn:aws:cloudformation:ap-southeast-1:123456789012:stack/Sourcefront-vn/1',
        RequestId: randomUUID(),
        LogicalResourceId: logicalResourceId,
        ResourceProperties: { ServiceToken: 'arn:aws:lambda:fn', ...properties },
        ...extra,
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
