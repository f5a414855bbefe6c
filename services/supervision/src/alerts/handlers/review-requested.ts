import { AlertEvents, type CloudEvent, type EventData } from '@duban/contracts';
import { publishEvent, type Bus } from '@duban/bus';
import { ALERTS_SOURCE, attributionOf } from '@duban/service-alerts';
import type { SupervisionEvents } from '@duban/workflow-supervision/client';
import { itemLine, unitName } from '../messages';

type CloseRequested = typeof SupervisionEvents.CloseRequested.type;
type ExtensionRequested = typeof SupervisionEvents.ExtensionRequested.type;
type ReviewRequested = EventData<typeof AlertEvents.ReviewRequested.type>;

/**
 * What 督查室 is asked to review, from the unit's request (DESIGN §6: the inspector reviews a
 * close request and decides an extension request).
 */
export function reviewRequestOf(event: RequestEvent): ReviewRequested {
  const { item } = event.data;
  const message =
    'requestedDeadline' in event.data
      ? `${unitName(event.data.unitCode)}申请延期至 ${event.data.requestedDeadline}：${event.data.reason}（${itemLine(item)}）`
      : `牵头单位申请办结：${event.data.summary}（${itemLine(item)}）`;
  return {
    requestEventId: event.id,
    process: 'supervision',
    request: 'requestedDeadline' in event.data ? 'extension' : 'close',
    itemId: item.itemId,
    href: `#/items/${encodeURIComponent(item.itemId)}`,
    docNo: item.docNo,
    ref: item.ref,
    title: item.title,
    leadUnits: item.leadUnits,
    message,
    createdAt: event.time,
  };
}

type RequestEvent =
  | CloudEvent<CloseRequested, EventData<CloseRequested>>
  | CloudEvent<ExtensionRequested, EventData<ExtensionRequested>>;

/**
 * Announces a request for review once: its id is the request's, so a redelivery is a duplicate
 * for JetStream, and after its window the delivery service's ids still send it once.
 */
export async function announceReviewRequest(bus: Bus, event: RequestEvent): Promise<void> {
  await publishEvent(bus.js, {
    type: AlertEvents.ReviewRequested.type,
    id: `review/${event.id}`,
    source: ALERTS_SOURCE,
    subject: event.data.item.itemId,
    time: event.time,
    data: reviewRequestOf(event),
    ...attributionOf(event),
  });
}
