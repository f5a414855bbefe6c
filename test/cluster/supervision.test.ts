import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_STREAM, connectBus, type Bus } from '@duban/bus';
import { ReadModels, type CloudEvent, type TimelineDoc } from '@duban/contracts';
import { seedUsers } from '@duban/service-gateway';
import { connectStore, type Store } from '@duban/store';
import { startSystem, type RunningSystem } from '@duban/system';
import { Api, ApiStats } from '../../bench/src/chaos/api';
import { ITEM_UNITS, supervisionFlow, type FlowTally, type Tokens } from '../../bench/src/chaos/flows';
import { startItemPastDeadline } from '../../bench/src/chaos/node-death';
import { clusterProfileEnv, clusterTestsOn } from '../setup/profile';
import { eventually } from '../support/engines';
import { ownStackEnv, startStackOf, type OwnStack } from '../support/own-stack';

// Issue 21, Done when: the supervision flow end to end on the cluster profile (Temporal server on
// PostgreSQL with four services, three NATS nodes with streams at 3 replicas, FerretDB on
// PostgreSQL), started from nothing and stopped at the end. Runs with DUBAN_TEST_CLUSTER=1 (the
// cluster engines are an install of their own: infra/install-engines.sh with DUBAN_ENGINES=cluster).
// Offset 45: its ports (+0..+3, +10, +11) are clear of every other stack of a slot.
describe.skipIf(!clusterTestsOn)('a supervision item over the cluster profile', () => {
  let stack: OwnStack | undefined;
  let system: RunningSystem;
  let store: Store;
  let bus: Bus;
  let connection: Connection;
  let client: Client;
  const run = Date.now().toString(36);

  beforeAll(async () => {
    const env = ownStackEnv('cluster-e2e', 45);
    stack = await startStackOf({
      ...env,
      ...clusterProfileEnv(Number(new URL(env.NATS_URL!.split(',')[0]!).port)),
    });
    const config = stack.config;
    store = await connectStore(config.mongo.uri, config.mongo.db);
    await seedUsers(store.db, { leadUnitCodes: [...ITEM_UNITS] });
    system = await startSystem(config, { port: 0, importGazette: false });
    bus = await connectBus(config.nats.url);
    connection = await Connection.connect({ address: config.temporal.address });
    client = new Client({ connection, namespace: config.temporal.namespace });
    // Ten processes and the databases' first set-up, then the workers' bundles: on a loaded
    // machine more than the `whole` project's hook timeout.
  }, 600_000);

  afterAll(async () => {
    await connection?.close();
    await bus?.close();
    await store?.close();
    await system?.close();
    await stack?.stop();
  }, 120_000);

  it('runs on three NATS nodes with the streams at three replicas', async () => {
    expect(stack!.config.nats.urls).toHaveLength(3);
    const info = await bus.jsm.streams.info(EVENTS_STREAM);
    expect(info.config.num_replicas).toBe(3);
    expect(info.cluster?.replicas ?? []).toHaveLength(2);
  });

  it('walks an item from 交办 through 签收, 进展, 申请销号 to 销号, each fact once', async () => {
    const api = new Api(system.gateway.url, new ApiStats(), 120_000);
    const tokens: Tokens = { inspector: await api.login('inspector', 'duban-inspector-2019') };
    tokens['bureau-edu'] = await api.login('bureau-edu', 'duban-bureau-2019');
    const tally: FlowTally = { started: 0, completed: 0, unexpected: [] };
    // Item 0 is led by 教育局 (ITEM_UNITS[0]); started as the gazette import starts it (assigned).
    await supervisionFlow(api, () => client, tokens, run, 0, tally);
    expect(tally).toEqual({ started: 1, completed: 1, unexpected: [] });

    const itemId = `chaos-${run}-0`;
    const timeline = await eventually(
      () => store.db.collection<TimelineDoc>(ReadModels.timeline).find({ itemId }).toArray(),
      (entries) => entries.some((e) => e.actor.requestId === `${itemId}-close`),
      { timeoutMs: 60_000 },
    );
    const byAction = ['sign', 'progress', 'request-close', 'close'].map(
      (action) => timeline.filter((e) => e.actor.requestId === `${itemId}-${action}`).length,
    );
    expect(byAction.every((n) => n >= 1)).toBe(true);
    const item = await store.db.collection(ReadModels.items).findOne({ _id: itemId } as never);
    expect(item?.state).toBe('closed');

    // Each event of the item stored once in the replicated stream.
    const consumer = await bus.js.consumers.get(EVENTS_STREAM);
    const ids: string[] = [];
    const last = (await bus.jsm.streams.info(EVENTS_STREAM)).state.last_seq;
    const messages = await consumer.consume();
    for await (const m of messages) {
      const event = m.json<CloudEvent>();
      if (event.subject?.includes(itemId)) ids.push(event.id);
      if (m.seq >= last) break;
    }
    await messages.close();
    expect(ids.length).toBeGreaterThanOrEqual(4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('an item whose deadline day is over turns red', async () => {
    const itemId = `cluster-deadline-${run}`;
    await startItemPastDeadline(client, itemId);
    const item = await eventually(
      () => store.db.collection(ReadModels.items).findOne({ _id: itemId } as never),
      (doc) => doc?.overallColour === 'red',
      { timeoutMs: 60_000 },
    );
    expect(item?.overallColour).toBe('red');
  });
});
