// Benchmark (not a test), issue 20 point 3: publishing a domain event as the workflows do
// (`publishEvent` of @duban/bus: schema check against the registry, CloudEvent envelope, the
// event id as JetStream message id, stream checked on the ack) against a raw JetStream publish
// of the same bytes to the same subject without id or check, on one nats-server of its own
// (`sync_interval: always`, as packages/stack runs it). Both keep WINDOW publishes in flight
// (async publish, acks awaited). Alternated twice. Usage: pnpm tsx bench/src/event-publish.ts [n=2000]
import { publishEvent } from '@duban/bus';
import { buildEvent, eventDefinition, type NewEvent } from '@duban/contracts';
import { SupervisionEvents } from '@duban/workflow-supervision/client';
import { itemSnapshot, newSupervisionEvent } from '@duban/service-supervision/testing';
import { startBenchNats } from './nats';

const events = Number(process.argv[2] ?? 2000);
const WINDOW = 32;
const PORT = 19332;

/** Runs `publish(i)` for i < events with at most WINDOW in flight; returns events per second. */
async function rate(publish: (i: number) => Promise<unknown>): Promise<number> {
  const t = performance.now();
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < events; i = next++) await publish(i);
  };
  await Promise.all(Array.from({ length: WINDOW }, lane));
  return events / ((performance.now() - t) / 1000);
}

function progressEvent(run: string, i: number): NewEvent<typeof SupervisionEvents.ProgressReported.type> {
  const item = itemSnapshot(`bench-${run}-${i % 50}`, { version: i + 2 });
  const data = { item, unitCode: 'edu', text: `第${i}次进展`, attachments: [] };
  return newSupervisionEvent(
    SupervisionEvents.ProgressReported.type,
    `progress-${run}`,
    new Date().toISOString(),
    data,
    {
      userId: 'bureau-edu',
      unitCode: 'edu',
      requestId: `bench-${run}-${i}`,
    },
  );
}

export async function eventPublishRatio(n = events): Promise<{ raw: number[]; checked: number[] }> {
  const { bus, stop } = await startBenchNats('bench-event-publish', PORT, 'always');
  const subject = eventDefinition(SupervisionEvents.ProgressReported.type).subject;
  const out = { raw: [] as number[], checked: [] as number[] };
  try {
    for (const pass of ['a', 'b']) {
      // The raw side sends what the checked side would: the built event's bytes.
      const bodies = Array.from({ length: n }, (_, i) =>
        JSON.stringify(buildEvent(progressEvent(`raw${pass}`, i))),
      );
      out.raw.push(await rate((i) => bus.js.publish(subject, bodies[i]!)));
      out.checked.push(await rate((i) => publishEvent(bus.js, progressEvent(`checked${pass}`, i))));
    }
    return out;
  } finally {
    await stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { raw, checked } = await eventPublishRatio();
  raw.forEach((r, i) => {
    const c = checked[i]!;
    console.log(
      `pass ${i + 1}: raw ${r.toFixed(0)}/s  checked ${c.toFixed(0)}/s  ratio ${(c / r).toFixed(2)}`,
    );
  });
}
