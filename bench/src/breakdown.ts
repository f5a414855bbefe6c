// Where the milliseconds of one bureau action go: instants taken by the benchmark (request sent,
// answer received, read model seen), by the workflow's history (Update accepted, publish activity
// scheduled/started/completed, server clock) and by the projector's consumer (JetStream stored,
// received, handled, acked; reported through @duban/bus observeConsumers). One host, one clock.
import type { Client } from '@temporalio/client';
import type { ConsumedEvent } from '@duban/bus';
import { summary } from './stats';

export interface ClientInstants {
  requestId: string;
  workflowId: string;
  updateId: string;
  sentAt: number;
  answeredAt: number;
  visibleAt: number;
}

interface HistoryInstants {
  /** The workflow task that took the Update started (a worker polled it). */
  taskStartedAt: number;
  acceptedAt: number;
  /** A scheduled publish activity's instants (histories before publishes ran as local activities). */
  scheduledAt: number;
  startedAt: number;
  completedAt: number;
}

interface Timestamp {
  seconds?: { toNumber(): number } | number | null;
  nanos?: number | null;
}

function ms(ts: Timestamp | null | undefined): number {
  if (!ts) return NaN;
  const seconds = typeof ts.seconds === 'number' ? ts.seconds : (ts.seconds?.toNumber() ?? 0);
  return seconds * 1000 + (ts.nanos ?? 0) / 1e6;
}

/**
 * Per Update id: when its workflow task started, when it was accepted and, where the publish was a
 * scheduled activity, that activity's instants. A publish run as a local activity
 * (PUBLISH_LOCAL_PATCH) runs inside the task that took the Update and leaves only a marker written
 * when the task completes, so its own span is measured by the consumer's JetStream instant.
 */
async function historyInstants(client: Client, workflowIds: string[]): Promise<Map<string, HistoryInstants>> {
  const out = new Map<string, HistoryInstants>();
  for (const workflowId of workflowIds) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    const events = history.events ?? [];
    const byScheduled = new Map<number, HistoryInstants>();
    let taskStartedAt = NaN;
    let pending: HistoryInstants | null = null;
    for (const event of events) {
      const at = ms(event.eventTime as Timestamp);
      if (event.workflowTaskStartedEventAttributes) taskStartedAt = at;
      const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
      if (accepted) {
        pending = { taskStartedAt, acceptedAt: at, scheduledAt: NaN, startedAt: NaN, completedAt: NaN };
        out.set(accepted.acceptedRequest?.meta?.updateId ?? '', pending);
      }
      if (event.activityTaskScheduledEventAttributes && pending) {
        pending.scheduledAt = at;
        byScheduled.set(Number(event.eventId), pending);
        pending = null;
      }
      const started = event.activityTaskStartedEventAttributes;
      if (started) {
        const instants = byScheduled.get(Number(started.scheduledEventId));
        if (instants) instants.startedAt = at;
      }
      const completed = event.activityTaskCompletedEventAttributes;
      if (completed) {
        const instants = byScheduled.get(Number(completed.scheduledEventId));
        if (instants) instants.completedAt = at;
      }
    }
  }
  return out;
}

// A stage with no instants in this run (a scheduled activity's, once publishes are local) is left out.
const STAGES: [string, (i: Joined) => number][] = [
  [
    'request sent → workflow task started (gateway, unit check, server)',
    (i) => i.h.taskStartedAt - i.c.sentAt,
  ],
  [
    'task started → JetStream stored (workflow code, local publish)',
    (i) => (Number.isFinite(i.h.scheduledAt) ? NaN : i.p.storedAt - i.h.taskStartedAt),
  ],
  ['task started → Update accepted (task completed)', (i) => i.h.acceptedAt - i.h.taskStartedAt],
  ['Update accepted → publish activity scheduled', (i) => i.h.scheduledAt - i.h.acceptedAt],
  ['publish scheduled → activity started', (i) => i.h.startedAt - i.h.scheduledAt],
  ['activity started → JetStream stored (ack)', (i) => i.p.storedAt - i.h.startedAt],
  ['JetStream stored → projector received', (i) => i.p.receivedAt - i.p.storedAt],
  ['projector received → read model written', (i) => (i.p.handledAt ?? NaN) - i.p.receivedAt],
  ['read model written → seen by the reader', (i) => i.c.visibleAt - (i.p.handledAt ?? NaN)],
  ['= request sent → read model seen (total)', (i) => i.c.visibleAt - i.c.sentAt],
  ['  (aside) request sent → API answered', (i) => i.c.answeredAt - i.c.sentAt],
  ['  (aside) read model written → ledger + ack done', (i) => i.p.settledAt - (i.p.handledAt ?? NaN)],
];

interface Joined {
  c: ClientInstants;
  h: HistoryInstants;
  p: ConsumedEvent;
}

/** Prints p50/p99 per stage; stages of one action are joined by its request id and Update id. */
export async function printBreakdown(
  client: Client,
  actions: ClientInstants[],
  consumed: Map<string, ConsumedEvent>,
): Promise<void> {
  const history = await historyInstants(client, [...new Set(actions.map((a) => a.workflowId))]);
  const joined: Joined[] = [];
  for (const c of actions) {
    const h = history.get(c.updateId);
    const p = consumed.get(c.requestId);
    if (h && p) joined.push({ c, h, p });
  }
  const fmt = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\nwhere the time goes (${joined.length} of ${actions.length} actions traced), ms`);
  console.log(`${'stage'.padEnd(70)}    p50      p99`);
  for (const [label, of] of STAGES) {
    const figures = joined.map(of).filter((n) => Number.isFinite(n));
    if (figures.length === 0) continue;
    const s = summary(figures);
    console.log(`${label.padEnd(70)}${fmt(s.p50)} ${fmt(s.p99)}`);
  }
}
