import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@temporalio/worker';
import { buildEvent, eventId, DiagnosticsEvents } from '@duban/contracts';
import { listDeadLetters, publishBuilt, type RunningConsumer } from '@duban/bus';
import {
  createDiagnosticsWorker,
  DIAGNOSTICS_TASK_QUEUE,
  type probeWorkflow,
} from '@duban/workflow-diagnostics';
import { PROBES, startDiagnosticsService } from '@duban/service-diagnostics';
import { connectEngines, eventually, type Engines } from './support/engines';

// DESIGN §2 and §4: workflow → activity publishes a CloudEvent → JetStream → durable consumer
// validates it → MongoDB. All on the real engines.
describe('the event chain over the real engines', () => {
  let engines: Engines;
  let worker: Worker;
  let workerRun: Promise<void>;
  let service: RunningConsumer;

  beforeAll(async () => {
    engines = await connectEngines();
    worker = await createDiagnosticsWorker({
      connection: engines.nativeConnection,
      namespace: 'default',
      js: engines.bus.js,
    });
    workerRun = worker.run();
    service = await startDiagnosticsService({
      bus: engines.bus,
      db: engines.store.db,
      maxHandlerFailures: 3,
    });
  });

  afterAll(async () => {
    await service?.stop();
    worker?.shutdown();
    await workerRun;
    await engines?.close();
  });

  const probes = () => engines.store.db.collection(PROBES);

  it('a workflow activity publishes, the consumer validates, and one document is written', async () => {
    const result = await engines.client.workflow.execute<typeof probeWorkflow>('probeWorkflow', {
      taskQueue: DIAGNOSTICS_TASK_QUEUE,
      workflowId: 'probe-chain-1',
      args: [{ probeId: 'chain-1', note: '链路检查', recordedAt: '2019-04-21T09:00:00+08:00' }],
    });
    expect(result).toBeGreaterThan(0);
    const docs = await eventually(
      () => probes().find({ probeId: 'chain-1' }).toArray(),
      (d) => d.length > 0,
    );
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      note: '链路检查',
      workflowId: 'probe-chain-1',
      eventId: eventId('probe-chain-1', 'probe-recorded', 1),
    });
  });

  it('the same event published twice (an activity retry) leaves one document', async () => {
    const event = buildEvent({
      type: DiagnosticsEvents.ProbeRecorded.type,
      id: eventId('probe-retry', 'probe-recorded', 1),
      source: 'test',
      subject: 'probe-retry',
      data: { probeId: 'retry', note: 'first attempt', recordedAt: '2019-04-21T09:00:00+08:00' },
    });
    const first = await publishBuilt(engines.bus.js, event);
    const second = await publishBuilt(engines.bus.js, event);
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(second.sequence).toBe(first.sequence);
    await eventually(
      () => probes().countDocuments({ probeId: 'retry' }),
      (n) => n > 0,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await probes().countDocuments({ probeId: 'retry' })).toBe(1);
  });

  it('a redelivered event id outside the duplicate window is not handled twice', async () => {
    // Published straight to the subject without a message id, as a re-publish after the
    // duplicate window would arrive: the consumer's ledger must recognise the event id.
    const event = buildEvent({
      type: DiagnosticsEvents.ProbeRecorded.type,
      id: eventId('probe-late', 'probe-recorded', 1),
      source: 'test',
      subject: 'probe-late',
      data: { probeId: 'late', note: 'once', recordedAt: '2019-04-21T09:00:00+08:00' },
    });
    const before = service.stats.duplicates;
    await engines.bus.js.publish(DiagnosticsEvents.ProbeRecorded.subject, JSON.stringify(event));
    await eventually(
      () => probes().countDocuments({ probeId: 'late' }),
      (n) => n > 0,
    );
    await engines.bus.js.publish(DiagnosticsEvents.ProbeRecorded.subject, JSON.stringify(event));
    await eventually(
      async () => service.stats.duplicates,
      (n) => n > before,
    );
    expect(service.stats.duplicates).toBe(before + 1);
    expect(await probes().countDocuments({ probeId: 'late' })).toBe(1);
  });

  it('an event that fails its schema is dead-lettered with the reason, and the consumer keeps going', async () => {
    const bad = {
      specversion: '1.0',
      id: 'probe-bad/probe-recorded/1',
      source: 'test',
      type: DiagnosticsEvents.ProbeRecorded.type,
      subject: 'probe-bad',
      time: '2019-04-21T09:00:00+08:00',
      datacontenttype: 'application/json',
      data: { probeId: '', note: 'bad', recordedAt: 'yesterday' },
    };
    await engines.bus.js.publish(DiagnosticsEvents.ProbeRecorded.subject, JSON.stringify(bad), {
      msgID: bad.id,
    });
    const letters = await eventually(
      async () => (await listDeadLetters(engines.bus.jsm)).filter((l) => l.payload.includes('probe-bad')),
      (l) => l.length > 0,
    );
    expect(letters).toHaveLength(1);
    expect(letters[0]!.consumer).toBe('diagnostics');
    expect(letters[0]!.originalSubject).toBe('duban.diagnostics.probe_recorded');
    expect(letters[0]!.reason).toContain('probeId');
    expect(letters[0]!.reason).toContain('recordedAt');
    expect(JSON.parse(letters[0]!.payload)).toEqual(bad);

    // The consumer is still alive: the next good event goes through.
    await engines.client.workflow.execute<typeof probeWorkflow>('probeWorkflow', {
      taskQueue: DIAGNOSTICS_TASK_QUEUE,
      workflowId: 'probe-after-bad',
      args: [{ probeId: 'after-bad', note: 'still consuming', recordedAt: '2019-04-21T10:00:00+08:00' }],
    });
    const after = await eventually(
      () => probes().countDocuments({ probeId: 'after-bad' }),
      (n) => n > 0,
    );
    expect(after).toBe(1);
    expect(await probes().countDocuments({ probeId: '' })).toBe(0);
  });
});
