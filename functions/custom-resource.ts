/**
 * What the deploy-time functions that CloudFormation invokes directly share (Custom::OffersIndex,
 * Custom::TableLayout): the event they get and the answer they owe on its pre-signed
 * ResponseURL. A custom resource that never answers blocks its stack for an hour, so every path
 * answers, a failure too, and so does a run that would outlast the Lambda's timeout: it answers
 * FAILED shortly before the end (the work it stopped is safe to run again on the next deploy).
 */
export interface CustomResourceEvent<P extends Record<string, string | undefined>> {
  RequestType: 'Create' | 'Update' | 'Delete';
  ResponseURL: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  PhysicalResourceId?: string;
  /** CloudFormation passes every property as a string. */
  ResourceProperties: { ServiceToken: string } & P;
  /** On Update: the properties of the previous deploy (of the stack being rolled back from, in a rollback). */
  OldResourceProperties?: { ServiceToken: string } & Partial<P>;
}

/** The part of the Lambda context used here (tests pass their own budget). */
export interface RemainingTime {
  getRemainingTimeInMillis(): number;
}

export interface CustomResourceOutcome {
  data?: Record<string, string>;
  reason?: string;
}

/** Answer this long before the Lambda's timeout when the work is still running. */
export const TIMEOUT_MARGIN_MS = 10_000;

/**
 * Runs `work` (skipped on Delete unless `onDelete` is given) and answers CloudFormation with
 * SUCCESS and its data, or FAILED with the error's message.
 */
export async function answerCustomResource<P extends Record<string, string | undefined>>(
  event: CustomResourceEvent<P>,
  context: RemainingTime | undefined,
  options: {
    physicalResourceId: string;
    work: () => Promise<CustomResourceOutcome>;
    onError: (error: unknown) => void;
  },
): Promise<void> {
  let status: 'SUCCESS' | 'FAILED' = 'SUCCESS';
  let reason = 'ok';
  let data: Record<string, string> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if (event.RequestType !== 'Delete') {
      const budget = context ? context.getRemainingTimeInMillis() - TIMEOUT_MARGIN_MS : undefined;
      const deadline = new Promise<never>((_, reject) => {
        if (budget === undefined) return;
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `not finished within the function's timeout (${Math.round((budget + TIMEOUT_MARGIN_MS) / 1000)} s); what it finished is kept, and the next deploy runs it again`,
              ),
            ),
          Math.max(0, budget),
        );
      });
      const outcome = await Promise.race([options.work(), deadline]);
      data = outcome.data ?? {};
      reason = outcome.reason ?? reason;
    }
  } catch (error) {
    status = 'FAILED';
    reason = error instanceof Error ? error.message.slice(0, 500) : String(error);
    options.onError(error);
  } finally {
    clearTimeout(timer);
  }
  const response = await fetch(event.ResponseURL, {
    method: 'PUT',
    headers: { 'content-type': '' },
    body: JSON.stringify({
      Status: status,
      Reason: reason,
      PhysicalResourceId: event.PhysicalResourceId ?? options.physicalResourceId,
      StackId: event.StackId,
      RequestId: event.RequestId,
      LogicalResourceId: event.LogicalResourceId,
      Data: data,
    }),
  });
  if (!response.ok) throw new Error(`CloudFormation response rejected: ${response.status}`);
}
