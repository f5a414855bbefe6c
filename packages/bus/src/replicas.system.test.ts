import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AckPolicy, DeliverPolicy } from '@nats-io/jetstream';
import { buildEvent, DiagnosticsEvents, eventDefinition, eventId } from '@duban/contracts';
import { connectBus, type Bus } from './connection';
import { PINNED_TTL_MS, PRIORITY_GROUP, startConsumer, type RunningConsumer } from './consumer';
import { JetStreamHandledEventLedger } from './handled-ledger';
import { EVENTS_STREAM } from './names';
import { publishBuilt } from './publisher';
import { ensureStreams } from './streams';

// Two replicas of one process consume the same durables (the cluster profile runs two). The
// projectors write read models read-then-write and FerretDB has no transactions, so two events of
// one item must never be handled at once by two replicas: the durable is pinned to one replica at
// a time (consumer.ts, PRIORITY_GROUP). On the real nats-server of the system test stack.
const E = DiagnosticsEvents.ProbeRecorded;

function probe(probeId: string) {
  return buildEvent({
    type: E.type,
    id: eventId(`replicas-test-${probeId}`, 'probe-recorded', 1),
    source: 'replicas-test',
    subject: probeId,
    data: { probeId, note: '副本测试', recordedAt: '2019-04-21T09:00:00+08:00' },
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 30_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Handling {
  replica: string;
  probeId: string;
  startedAt: number;
  endedAt: number;
}

describe('two replicas of one durable on the real nats-server', () => {
  const url = () => inject('stack').natsUrl;
  const run = `${process.pid}-${Date.now()}`;
  let admin: Bus;
  const opened: Bus[] = [];
  const running: RunningConsumer[] = [];

  beforeAll(async () => {
    admin = await connectBus(url(), { name: 'replicas-test-admin' });
    await ensureStreams(admin.jsm);
  });
  afterAll(async () => {
    for (const consumer of running) await consumer.stop().catch(() => undefined);
    for (const bus of opened) await bus.nc.close().catch(() => undefined);
    await admin?.close();
  });

  /** A replica whose handler takes `handlingMs(probeId)` (a projector's read-then-write: a few ms). */
  async function replica(
    name: string,
    durable: string,
    log: Handling[],
    prefix: string,
    handlingMs: (probeId: string) => number = () => 5,
  ) {
    const bus = await connectBus(url(), { name: `replicas-test-${name}` });
    opened.push(bus);
    const consumer = await startConsumer(bus, {
      durable,
      startAt: 'new',
      ledger: new JetStreamHandledEventLedger(bus),
      handlers: {
        [E.type]: async (event) => {
          if (!event.data.probeId.startsWith(prefix)) return;
          const startedAt = Date.now();
          await new Promise((r) => setTimeout(r, handlingMs(event.data.probeId)));
          log.push({ replica: name, probeId: event.data.probeId, startedAt, endedAt: Date.now() });
        },
      },
    });
    running.push(consumer);
    return { bus, consumer };
  }

  it('only the pinned replica receives; when it stops pulling the other takes over within the TTL; nothing lost or handled twice', async () => {
    const durable = `replicas-test-${run}-a`;
    const prefix = `pin-${run}-`;
    const log: Handling[] = [];
    const a = await replica('a', durable, log, prefix);
    const b = await replica('b', durable, log, prefix);

    const first = Array.from({ length: 40 }, (_, i) => `${prefix}1-${i}`);
    for (const id of first) await publishBuilt(admin.js, probe(id));
    await until(() => log.length === first.length, 'the first forty handled');
    const pinned = log[0]!.replica;
    // One replica handled every one of them, in stream order, one at a time.
    expect(log.map((h) => h.replica)).toEqual(first.map(() => pinned));
    expect(log.map((h) => h.probeId)).toEqual(first);

    // The pinned replica dies: its connection closes under it, no goodbye (unlike stop()).
    const [dead, alive] = pinned === 'a' ? [a, b] : [b, a];
    const aliveName = pinned === 'a' ? 'b' : 'a';
    await until(() => dead.consumer.stats.handled + dead.consumer.stats.duplicates >= first.length, 'acks');
    await dead.bus.nc.close();
    const diedAt = Date.now();
    const second = Array.from({ length: 20 }, (_, i) => `${prefix}2-${i}`);
    for (const id of second) await publishBuilt(admin.js, probe(id));
    await until(
      () => log.length === first.length + second.length,
      'the next twenty handled',
      PINNED_TTL_MS * 3,
    );
    const takeover = log[first.length]!;
    expect(takeover.replica).toBe(aliveName);
    // Within the TTL, and a pull's expiry (the waiting replica's pull is served when its pin comes).
    expect(takeover.startedAt - diedAt).toBeLessThan(PINNED_TTL_MS + 6_000);
    expect(log.slice(first.length).map((h) => h.probeId)).toEqual(second);

    // Nothing lost, nothing handled twice, never two at once.
    const ids = log.map((h) => h.probeId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...first, ...second].sort());
    const byStart = [...log].sort((x, y) => x.startedAt - y.startedAt);
    for (let i = 1; i < byStart.length; i++) {
      expect(byStart[i]!.startedAt).toBeGreaterThanOrEqual(byStart[i - 1]!.endedAt);
    }
    expect(alive.consumer.stats.duplicates).toBe(0);
  }, 90_000);

  it('a replica that stops hands the pin over at once, without the TTL', async () => {
    const durable = `replicas-test-${run}-b`;
    const prefix = `handover-${run}-`;
    const log: Handling[] = [];
    const a = await replica('a', durable, log, prefix);
    await publishBuilt(admin.js, probe(`${prefix}0`));
    await until(() => log.length === 1, 'the first handled');
    const b = await replica('b', durable, log, prefix);
    await a.consumer.stop();
    const stoppedAt = Date.now();
    await publishBuilt(admin.js, probe(`${prefix}1`));
    await until(() => log.length === 2, 'the second handled');
    expect(log.map((h) => h.replica)).toEqual(['a', 'b']);
    // b's waiting pull is served as soon as a unpins: well inside the TTL.
    expect(log[1]!.startedAt - stoppedAt).toBeLessThan(PINNED_TTL_MS / 2);
    expect(b.consumer.stats.handled).toBe(1);
  }, 60_000);

  it('what a stopping replica had in hand goes to the other at once, not after the ack wait', async () => {
    const durable = `replicas-test-${run}-d`;
    const prefix = `inhand-${run}-`;
    const log: Handling[] = [];
    let slowStarted = false;
    // Replica a: its first event is slow, so the next ones wait in its hands.
    const { consumer: a } = await replica('a', durable, log, prefix, (probeId) => {
      if (!probeId.endsWith('-0')) return 0;
      slowStarted = true;
      return 1_500;
    });
    await publishBuilt(admin.js, probe(`${prefix}0`));
    await until(() => slowStarted, 'the slow one started');
    const rest = [1, 2, 3, 4].map((i) => `${prefix}${i}`);
    for (const id of rest) await publishBuilt(admin.js, probe(id));
    await new Promise((r) => setTimeout(r, 300));
    await replica('b', durable, log, prefix);
    const stopping = Date.now();
    await a.stop();
    await until(() => log.length === 5, 'all five handled');
    // Redelivered ones may come after newer ones (the projectors compare versions): the set, and
    // b starting only once a has finished.
    expect(log.map((h) => h.probeId).sort()).toEqual([`${prefix}0`, ...rest].sort());
    expect(log.map((h) => h.replica)).toEqual(['a', 'b', 'b', 'b', 'b']);
    expect(log[1]!.startedAt).toBeGreaterThanOrEqual(log[0]!.endedAt);
    // The ack wait is 30 s: handed back, they came within seconds.
    expect(log[4]!.endedAt - stopping).toBeLessThan(10_000);
  }, 60_000);

  it('a durable created before priority groups is updated in place and keeps its position', async () => {
    const durable = `replicas-test-${run}-c`;
    const prefix = `before-${run}-`;
    // As an earlier release created it: no priority group, a plain pull consumer.
    await admin.jsm.consumers.add(EVENTS_STREAM, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.New,
      filter_subjects: [eventDefinition(E.type).subject],
    });
    const ids = Array.from({ length: 5 }, (_, i) => `${prefix}${i}`);
    for (const id of ids) await publishBuilt(admin.js, probe(id));
    // The earlier release handled the first three (acked), then stopped.
    const old = await admin.js.consumers.get(EVENTS_STREAM, durable);
    let acked = 0;
    while (acked < 3) {
      const batch = await old.fetch({ max_messages: 3 - acked, expires: 2_000 });
      for await (const msg of batch) {
        await msg.ackAck();
        acked++;
      }
    }
    const before = await admin.jsm.consumers.info(EVENTS_STREAM, durable);

    const log: Handling[] = [];
    await replica('new', durable, log, prefix);
    const after = await admin.jsm.consumers.info(EVENTS_STREAM, durable);
    expect(after.config.priority_policy).toBe('pinned_client');
    expect(after.config.priority_groups).toEqual([PRIORITY_GROUP]);
    expect(after.created).toBe(before.created);
    await until(() => log.length === 2, 'the two left over handled');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(log.map((h) => h.probeId)).toEqual(ids.slice(3));
    // The plain pull of the earlier release is now refused: no replica runs unpinned beside it.
    await expect(
      (async () => {
        const batch = await old.fetch({ max_messages: 1, expires: 1_000 });
        for await (const msg of batch) msg.nak();
      })(),
    ).rejects.toThrow();
  }, 60_000);
});
