import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { outboxMessageSchema } from '../../core/orders/order.ts';
import { services } from '../composition.ts';

const processor = new BatchProcessor(EventType.DynamoDBStreams);

/** The outbox message an INSERT of an outbox item carries, or undefined for any other change. */
export function outboxMessageOf(record: DynamoDBRecord) {
  if (record.eventName !== 'INSERT') return undefined;
  const image = record.dynamodb?.NewImage;
  if (!image?.sk?.S?.startsWith('OUTBOX#') || !image.message) return undefined;
  const item = unmarshall(image as Record<string, AttributeValue>);
  return outboxMessageSchema.parse(item.message);
}

async function recordHandler(record: DynamoDBRecord): Promise<void> {
  const message = outboxMessageOf(record);
  if (message) await services().handoff.handleOutbox(message);
}

/**
 * The dispatcher, on the table's stream (in AWS an event-source mapping; locally the stream
 * poller drives this same handler): each outbox INSERT becomes the order's purchase orders,
 * stored once and sent. A record that throws is reported alone (partial batch response), so
 * the rest of the batch is not replayed.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  return processPartialResponse(event, recordHandler, processor);
}
