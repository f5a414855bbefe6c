import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildEvent, DiagnosticsEvents, eventId } from '@duban/contracts';
import { connectBus, type Bus } from './connection';
import { startConsumer, type HandlerContext, type RunningConsumer } from './consumer';
import { listDeadLetters } from './deadletters';
import { JetStreamHandledEventLedger } from './handled-ledger';
import { publishBuilt } from './publisher';
import { ensureStreams } from './streams';

// What a consumer does when the handler fails, when the store is out of reach, and when it holds
// messages longer than the ack wait: on the real nats-server of the system test stack.
const E = DiagnosticsEvents.ProbeRecorded;

function probe(probeId: string) {
  return buildEvent({
    type: E.type,
    id: eventId(`consumer-test-${probeId}`, 'probe-recorded', 1),
    source: 'consumer-test',
    subject: probeId,
    data: { probeId, note: '消费者测试', recordedAt: '2019-04-21T09:00:00+08:00' },
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function unreachableStore(): Error {
  // The driver's own error when FerretDB is killed under an open connection.
  return Object.assign(new Error('connection 4 to 127.0.0.1:23517 closed'), { name: 'MongoNetworkError' });
}

describe('consumer outcomes on the real nats-server', () => {
  let bus: Bus;
  let consumer: RunningConsumer | undefined;
  let run = 0;
  const durable = () => `consumer-test-${process.pid}-${run}`;

  beforeAll(async () => {
    bus = await connectBus(inject('stack').natsUrl, { name: 'consumer-tests' });
    await ensureStreams(bus.jsm);
  });
  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
    run++;
  });
  afterAll(async () => {
    await bus?.close();
  });

  it('a handler that fails on the event is retried, and dead-lettered after the limit with its error', async () => {
    const calls: HandlerContext[] = [];
    consumer = await startConsumer(bus, {
      durable: durable(),
      startAt: 'new',
      ledger: new JetStreamHandledEventLedger(bus),
      maxHandlerFailures: 3,
      retryDelaysMs: [10],
      handlers: {
        [E.type]: async (_event, context) => {
          calls.push(context);
          throw new TypeError('the read model has no unit for this probe');
        },
      },
    });
    const event = probe(`poison-${run}`);
    await publishBuilt(bus.js, event);
    await until(() => consumer!.stats.deadLettered === 1, 'the dead letter');
    expect(calls.map((c) => c.deliveryCount)).toEqual([1, 2, 3]);
    const letters = (await listDeadLetters(bus.jsm)).filter((l) => l.consumer === durable());
    expect(letters).toHaveLength(1);
    expect(letters[0]!.reason).toBe(
      'handler failed 3 times; last error: TypeError: the read model has no unit for this probe',
    );
  });

  it('a store out of reach is waited for with the batch in hand: nothing dead-lettered, nothing redelivered, order kept', async () => {
    let storeDown = 8;
    const handled: { probeId: string; deliveryCount: number }[] = [];
    consumer = await startConsumer(bus, {
      durable: durable(),
      startAt: 'new',
      ledger: new JetStreamHandledEventLedger(bus),
      maxHandlerFailures: 2,
      unreachableDelaysMs: [20],
      handlers: {
        [E.type]: async (event, context) => {
          if (event.data.probeId.endsWith('-b') && storeDown-- > 0) throw unreachableStore();
          handled.push({ probeId: event.data.probeId, deliveryCount: context.deliveryCount });
        },
      },
    });
    const ids = ['a', 'b', 'c'].map((s) => `outage-${run}-${s}`);
    for (const id of ids) await publishBuilt(bus.js, probe(id));
    await until(() => consumer!.stats.handled === 3, 'three handled');
    expect(handled).toEqual(ids.map((probeId) => ({ probeId, deliveryCount: 1 })));
    expect(consumer.stats.deadLettered).toBe(0);
    expect(consumer.stats.retried).toBe(0);
    expect(consumer.stats.waitedForInfrastructure).toBeGreaterThanOrEqual(8);
  });

  it('messages held past the ack wait are marked in progress, so the server does not deliver them again', async () => {
    const seen: { probeId: string; deliveryCount: number }[] = [];
    consumer = await startConsumer(bus, {
      durable: durable(),
      startAt: 'new',
      ackWaitMs: 1_500,
      ledger: new JetStreamHandledEventLedger(bus),
      handlers: {
        [E.type]: async (event, context) => {
          seen.push({ probeId: event.data.probeId, deliveryCount: context.deliveryCount });
          // A slow store: the batch behind this one waits four ack waits.
          if (event.data.probeId.endsWith('-0')) await new Promise((r) => setTimeout(r, 6_000));
        },
      },
    });
    const ids = Array.from({ length: 5 }, (_, i) => `held-${run}-${i}`);
    for (const id of ids) await publishBuilt(bus.js, probe(id));
    await until(() => consumer!.stats.handled === 5, 'five handled', 30_000);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(seen).toEqual(ids.map((probeId) => ({ probeId, deliveryCount: 1 })));
    expect(consumer.stats.duplicates).toBe(0);
  });
});
