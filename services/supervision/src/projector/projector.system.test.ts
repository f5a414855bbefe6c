import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectBus, ensureStreams, EVENTS_STREAM, type Bus, type RunningConsumer } from '@duban/bus';
import { ReadModels, type InboxDoc, type TimelineDoc } from '@duban/contracts';
import { SupervisionEvents, type ItemDoc } from '@duban/workflow-supervision/client';
import { connectStore, type Store } from '@duban/store';
import type { Db } from 'mongodb';
import { waitUntilCaughtUp } from '@duban/process';
import { rebuildProjections } from './rebuild';
import { projectorHandlers, startProjectorService } from './service';
import { eventually, itemSnapshot, publish, supervisionEvent, type Actor } from './testing';

// DESIGN §2: the projector keeps the read models from the stream, on the real engines; every
// write is a single-document idempotent upsert (FerretDB 1.x: no transactions).
const DURABLE = 'projector-system-test';
const E = SupervisionEvents;

const eduClerk: Actor = { userId: 'u-edu-1', unitCode: 'edu', requestId: 'req-edu-1' };
const housClerk: Actor = { userId: 'u-hous-1', unitCode: 'hous', requestId: 'req-hous-1' };
const inspector: Actor = { userId: 'u-insp-1', unitCode: 'gov-inspection', requestId: 'req-insp-1' };
const leader: Actor = { userId: 'u-lead-1', requestId: 'req-lead-1' };

describe('projector over the real engines', () => {
  let bus: Bus;
  let store: Store;
  let db: Db;
  let service: RunningConsumer;

  beforeAll(async () => {
    const stack = inject('stack');
    bus = await connectBus(stack.natsUrl, { name: 'projector-tests' });
    await ensureStreams(bus.jsm);
    store = await connectStore(stack.mongoUri, `${stack.mongoDb}_projector`);
    db = store.db;
    service = await startProjectorService({ bus, db, durable: DURABLE, maxHandlerFailures: 3 });
  });

  afterAll(async () => {
    await service?.stop();
    await store?.close();
    await bus?.close();
  });

  const items = () => db.collection<ItemDoc>(ReadModels.items);
  const inbox = () => db.collection<InboxDoc>(ReadModels.inbox);
  const timeline = () => db.collection<TimelineDoc>(ReadModels.timeline);
  const itemAt = (itemId: string, version: number) =>
    eventually(
      () => items().findOne({ _id: itemId }),
      (d) => (d?.version ?? -1) >= version,
    );
  const inboxOf = async (itemId: string) =>
    (await inbox().find({ itemId }).sort({ _id: 1 }).toArray()).map(
      (e) => `${e.unitCode}:${e.role}:${e.step}`,
    );
  const settled = () => waitUntilCaughtUp(bus, DURABLE, { timeoutMs: 15_000 });

  it('creates the read-model indexes at start', async () => {
    const names = async (c: string) => (await db.collection(c).indexes()).map((i) => i.name);
    expect(await names(ReadModels.items)).toEqual(
      expect.arrayContaining(['state', 'overallColour', 'deadline', 'leadUnits', 'docNo']),
    );
    expect(await names(ReadModels.inbox)).toEqual(expect.arrayContaining(['unitCode']));
    expect(await names(ReadModels.timeline)).toEqual(expect.arrayContaining(['itemId_version']));
  });

  it('follows one item from assignment to 销号: item, inbox and timeline', async () => {
    const id = 'ptest.flow';
    let item = itemSnapshot(id);

    // v1 交办: the lead and both co-operating bureaus have a step to take.
    await publish(bus, E.ItemAssigned.type, 'assigned', '2019-04-22T09:00:00+08:00', { item });
    let doc = await itemAt(id, 1);
    expect(doc).toMatchObject({ state: 'assigned', colour: 'green', version: 1, latestProgress: null });
    expect(doc?.updatedAt).toEqual(new Date('2019-04-22T09:00:00+08:00'));
    expect(
      await eventually(
        () => inboxOf(id),
        (e) => e.length === 3,
      ),
    ).toEqual([
      'edu:lead:assigned',
      'hous:cooperating:subtask_assigned',
      'natres:cooperating:subtask_assigned',
    ]);
    const eduEntry = await inbox().findOne({ _id: `${id}|edu` });
    expect(eduEntry).toMatchObject({
      itemId: id,
      docNo: '青政办发〔2019〕31号',
      ref: '第三部分第1条',
      deadline: '2019-06-30',
      colour: 'green',
    });

    // v2 教育局签收
    item = { ...item, state: 'signed', version: 2 };
    await publish(
      bus,
      E.ItemSigned.type,
      'sign',
      '2019-04-23T10:00:00+08:00',
      { item, unitCode: 'edu' },
      eduClerk,
    );
    expect(await itemAt(id, 2)).toMatchObject({ state: 'signed' });
    expect(
      await eventually(
        () => inboxOf(id),
        (e) => e.includes('edu:lead:signed'),
      ),
    ).toContain('edu:lead:signed');

    // v3 教育局报送进展
    item = { ...item, state: 'in_progress', lastProgressAt: '2019-05-24T16:00:00+08:00', version: 3 };
    await publish(
      bus,
      E.ProgressReported.type,
      'progress',
      '2019-05-24T16:00:00+08:00',
      { item, unitCode: 'edu', text: '已完成摸底，列入台账3所', attachments: [{ name: '台账.xlsx' }] },
      eduClerk,
    );
    doc = await itemAt(id, 3);
    expect(doc?.latestProgress).toEqual({
      text: '已完成摸底，列入台账3所',
      at: new Date('2019-05-24T16:00:00+08:00'),
      unitCode: 'edu',
    });

    // v4 住建局报送进展 and finishes its sub-task: its inbox entry goes.
    item = {
      ...item,
      subTasks: item.subTasks.map((s) =>
        s.unitCode === 'hous'
          ? { ...s, state: 'done', colour: 'none', lastProgressAt: '2019-06-10T11:00:00+08:00' }
          : s,
      ),
      version: 4,
    };
    await publish(
      bus,
      E.ProgressReported.type,
      'progress',
      '2019-06-10T11:00:00+08:00',
      { item, unitCode: 'hous', text: '开发商移交手续已督促完成', attachments: [] },
      housClerk,
    );
    doc = await itemAt(id, 4);
    expect(doc?.latestProgress).toMatchObject({ unitCode: 'hous', text: '开发商移交手续已督促完成' });
    expect(
      await eventually(
        () => inboxOf(id),
        (e) => e.length === 2,
      ),
    ).toEqual(['edu:lead:in_progress', 'natres:cooperating:subtask_assigned']);

    // v5 预警: past the deadline, red. The inbox carries the colour; latestProgress stays.
    item = {
      ...item,
      colour: 'red',
      overallColour: 'red',
      redSince: '2019-07-01T00:00:00+08:00',
      version: 5,
    };
    await publish(bus, E.ColourChanged.type, 'colour-item', '2019-07-01T00:00:00+08:00', {
      item,
      scope: 'item',
      from: 'green',
      to: 'red',
      reason: '已超过办理期限',
    });
    doc = await itemAt(id, 5);
    expect(doc).toMatchObject({ colour: 'red', overallColour: 'red' });
    expect(doc?.latestProgress).toMatchObject({ unitCode: 'hous' });
    expect(
      await eventually(
        () => inbox().findOne({ _id: `${id}|edu` }),
        (e) => e?.colour === 'red',
      ),
    ).toMatchObject({ colour: 'red', step: 'in_progress' });

    // v6 申请办结: the item is with the inspector, not in the lead's inbox any more.
    item = { ...item, state: 'close_requested', version: 6 };
    await publish(
      bus,
      E.CloseRequested.type,
      'request-close',
      '2019-07-02T09:30:00+08:00',
      { item, summary: '3所幼儿园均已移交教育局', attachments: [] },
      eduClerk,
    );
    doc = await itemAt(id, 6);
    expect(doc?.latestProgress).toEqual({
      text: '3所幼儿园均已移交教育局',
      at: new Date('2019-07-02T09:30:00+08:00'),
      unitCode: 'edu',
    });
    expect(
      await eventually(
        () => inboxOf(id),
        (e) => e.length === 1,
      ),
    ).toEqual(['natres:cooperating:subtask_assigned']);

    // v7 复核, v8 销号, v9 预警解除: nothing left in any inbox.
    item = { ...item, state: 'under_review', version: 7 };
    await publish(bus, E.ReviewStarted.type, 'review', '2019-07-03T09:00:00+08:00', { item }, inspector);
    item = { ...item, state: 'closed', closedAt: '2019-07-04T15:00:00+08:00', version: 8 };
    await publish(
      bus,
      E.ItemClosed.type,
      'close',
      '2019-07-04T15:00:00+08:00',
      { item, opinion: '材料齐全，同意销号' },
      inspector,
    );
    item = { ...item, colour: 'none', overallColour: 'none', redSince: null, version: 9 };
    await publish(bus, E.ColourChanged.type, 'colour-item', '2019-07-04T15:00:00+08:00', {
      item,
      scope: 'item',
      from: 'red',
      to: 'none',
      reason: '已销号',
    });
    doc = await itemAt(id, 9);
    expect(doc).toMatchObject({ state: 'closed', colour: 'none', overallColour: 'none', version: 9 });
    expect(doc?.updatedAt).toEqual(new Date('2019-07-04T15:00:00+08:00'));
    expect(
      await eventually(
        () => inboxOf(id),
        (e) => e.length === 0,
      ),
    ).toEqual([]);
    await eventually(
      () => timeline().countDocuments({ itemId: id }),
      (n) => n === 9,
    );

    const entries = await timeline().find({ itemId: id }).sort({ version: 1 }).toArray();
    expect(entries.map((e) => [e.version, e.fact, e.summary])).toEqual([
      [1, 'item_assigned', '交办：牵头单位教育局，配合单位住建局、自然资源局，期限2019-06-30'],
      [2, 'item_signed', '教育局签收'],
      [3, 'progress_reported', '教育局报送进展：已完成摸底，列入台账3所'],
      [4, 'progress_reported', '住建局报送进展：开发商移交手续已督促完成'],
      [5, 'colour_changed', '预警等级由正常变为逾期'],
      [6, 'close_requested', '教育局申请办结：3所幼儿园均已移交教育局'],
      [7, 'review_started', '督查室开始复核'],
      [8, 'item_closed', '销号：材料齐全，同意销号'],
      [9, 'colour_changed', '预警解除（原为逾期）'],
    ]);
    // Who, which unit, which request (DESIGN §8); the event's own facts without the snapshot.
    expect(entries[2]).toMatchObject({
      _id: 'supervision-ptest.flow/progress/3',
      type: E.ProgressReported.type,
      at: new Date('2019-05-24T16:00:00+08:00'),
      actor: { userId: 'u-edu-1', unitCode: 'edu', requestId: 'req-edu-1' },
      data: { unitCode: 'edu', text: '已完成摸底，列入台账3所', attachments: [{ name: '台账.xlsx' }] },
    });
    expect(entries[2]?.data).not.toHaveProperty('item');
    expect(entries[4]?.actor).toEqual({ userId: null, unitCode: null, requestId: null });
  });

  it('returns, extensions and instructions read as Chinese one-liners', async () => {
    const id = 'ptest.extension';
    let item = itemSnapshot(id, { state: 'in_progress', version: 1 });
    await publish(bus, E.ItemAssigned.type, 'assigned', '2019-04-22T09:00:00+08:00', { item });
    const pending = {
      requestedDeadline: '2019-08-31',
      reason: '移交涉及产权登记',
      requestedBy: 'u-edu-1',
      requestedAt: '2019-06-20T10:00:00+08:00',
    };
    item = { ...item, pendingExtension: pending, version: 2 };
    await publish(
      bus,
      E.ExtensionRequested.type,
      'request-extension',
      '2019-06-20T10:00:00+08:00',
      { item, unitCode: 'edu', requestedDeadline: '2019-08-31', reason: '移交涉及产权登记' },
      eduClerk,
    );
    const change = {
      deadline: '2019-08-31',
      previous: '2019-06-30',
      at: '2019-06-21T10:00:00+08:00',
      reason: '产权登记需时',
      byUserId: 'u-insp-1',
    };
    item = { ...item, pendingExtension: null, deadline: '2019-08-31', deadlineHistory: [change], version: 3 };
    await publish(
      bus,
      E.ExtensionDecided.type,
      'decide-extension',
      '2019-06-21T10:00:00+08:00',
      { item, approved: true, opinion: '同意', previousDeadline: '2019-06-30', newDeadline: '2019-08-31' },
      inspector,
    );
    item = { ...item, version: 4 };
    await publish(
      bus,
      E.InstructionWritten.type,
      'instruct',
      '2019-06-22T10:00:00+08:00',
      { item, text: '请教育局抓紧办理，\n确保按期完成' },
      leader,
    );
    item = { ...item, state: 'close_requested', version: 5 };
    await publish(
      bus,
      E.CloseRequested.type,
      'request-close',
      '2019-08-01T10:00:00+08:00',
      { item, summary: '已完成', attachments: [] },
      eduClerk,
    );
    item = { ...item, state: 'in_progress', version: 6 };
    await publish(
      bus,
      E.ItemReturned.type,
      'return',
      '2019-08-02T10:00:00+08:00',
      { item, reason: '缺少移交协议' },
      inspector,
    );
    item = { ...item, version: 7 };
    await publish(
      bus,
      E.ExtensionDecided.type,
      'decide-extension',
      '2019-08-03T10:00:00+08:00',
      { item, approved: false, opinion: '不再延期', previousDeadline: '2019-08-31', newDeadline: null },
      inspector,
    );
    item = {
      ...item,
      subTasks: item.subTasks.map((s) => (s.unitCode === 'natres' ? { ...s, colour: 'blue' } : s)),
      overallColour: 'blue',
      version: 8,
    };
    await publish(bus, E.ColourChanged.type, 'colour-natres', '2019-08-04T00:00:00+08:00', {
      item,
      scope: 'natres',
      from: 'green',
      to: 'blue',
      reason: '临近办理期限',
    });
    item = { ...item, version: 9 };
    await publish(bus, E.OverdueEscalated.type, 'escalated', '2019-08-05T00:00:00+08:00', {
      item,
      redDays: 30,
    });

    const doc = await itemAt(id, 9);
    await eventually(
      () => timeline().countDocuments({ itemId: id }),
      (n) => n === 9,
    );
    await settled();
    expect(doc).toMatchObject({
      deadline: '2019-08-31',
      originalDeadline: '2019-06-30',
      deadlineHistory: [change],
    });
    const entries = await timeline().find({ itemId: id }).sort({ version: 1 }).toArray();
    expect(entries.map((e) => e.summary)).toEqual([
      '交办：牵头单位教育局，配合单位住建局、自然资源局，期限2019-06-30',
      '教育局申请延期至2019-08-31：移交涉及产权登记',
      '同意延期：2019-06-30 → 2019-08-31',
      '领导批示：请教育局抓紧办理， 确保按期完成',
      '教育局申请办结：已完成',
      '退回：缺少移交协议',
      '不同意延期：不再延期',
      '自然资源局配合任务预警等级由正常变为临期',
      '逾期超过30天，提请领导小组督办',
    ]);
    expect(entries[3]?.actor).toEqual({ userId: 'u-lead-1', unitCode: null, requestId: 'req-lead-1' });
    // Returned: back with the lead; the co-operating sub-task's colour is its own.
    expect(await inboxOf(id)).toEqual([
      'edu:lead:in_progress',
      'hous:cooperating:subtask_assigned',
      'natres:cooperating:subtask_assigned',
    ]);
    expect(await inbox().findOne({ _id: `${id}|natres` })).toMatchObject({ colour: 'blue' });
    expect(await inbox().findOne({ _id: `${id}|edu` })).toMatchObject({
      colour: 'green',
      deadline: '2019-08-31',
    });
  });

  it('an older version delivered after a newer one changes neither the item nor the inbox', async () => {
    const id = 'ptest.order';
    const v1 = itemSnapshot(id);
    await publish(bus, E.ItemAssigned.type, 'assigned', '2019-04-22T09:00:00+08:00', { item: v1 });
    await itemAt(id, 1);

    const v2 = { ...v1, state: 'signed' as const, version: 2 };
    const v3 = {
      ...v2,
      state: 'in_progress' as const,
      lastProgressAt: '2019-05-20T09:00:00+08:00',
      version: 3,
    };
    // Version 3 reaches the stream before version 2.
    await publish(
      bus,
      E.ProgressReported.type,
      'progress',
      '2019-05-20T09:00:00+08:00',
      { item: v3, unitCode: 'edu', text: '第一次进展', attachments: [] },
      eduClerk,
    );
    await publish(
      bus,
      E.ItemSigned.type,
      'sign',
      '2019-04-23T09:00:00+08:00',
      { item: v2, unitCode: 'edu' },
      eduClerk,
    );
    await eventually(
      () => timeline().countDocuments({ itemId: id }),
      (n) => n === 3,
    );
    await settled();
    expect(await items().findOne({ _id: id })).toMatchObject({
      version: 3,
      state: 'in_progress',
      latestProgress: { text: '第一次进展', unitCode: 'edu' },
      updatedAt: new Date('2019-05-20T09:00:00+08:00'),
    });
    expect(await inboxOf(id)).toEqual([
      'edu:lead:in_progress',
      'hous:cooperating:subtask_assigned',
      'natres:cooperating:subtask_assigned',
    ]);

    // A later report that arrives after a newer snapshot still becomes the latest progress.
    const v4 = { ...v3, lastProgressAt: '2019-06-20T09:00:00+08:00', version: 4 };
    const v5 = { ...v4, colour: 'blue' as const, overallColour: 'blue' as const, version: 5 };
    await publish(bus, E.ColourChanged.type, 'colour-item', '2019-06-23T00:00:00+08:00', {
      item: v5,
      scope: 'item',
      from: 'green',
      to: 'blue',
      reason: '临近办理期限',
    });
    await publish(
      bus,
      E.ProgressReported.type,
      'progress',
      '2019-06-20T09:00:00+08:00',
      { item: v4, unitCode: 'edu', text: '第二次进展', attachments: [] },
      eduClerk,
    );
    await eventually(
      () => timeline().countDocuments({ itemId: id }),
      (n) => n === 5,
    );
    await settled();
    const doc = await items().findOne({ _id: id });
    expect(doc).toMatchObject({ version: 5, colour: 'blue', latestProgress: { text: '第二次进展' } });
    expect(doc?.updatedAt).toEqual(new Date('2019-06-23T00:00:00+08:00'));
    expect(await inbox().findOne({ _id: `${id}|edu` })).toMatchObject({ colour: 'blue' });
  });

  it('a duplicate event is handled once, and handling it again changes nothing', async () => {
    const id = 'ptest.duplicate';
    const item = itemSnapshot(id);
    await publish(bus, E.ItemAssigned.type, 'assigned', '2019-04-22T09:00:00+08:00', { item });
    const signed = { ...item, state: 'signed' as const, version: 2 };
    const first = await publish(
      bus,
      E.ItemSigned.type,
      'sign',
      '2019-04-23T09:00:00+08:00',
      { item: signed, unitCode: 'edu' },
      eduClerk,
    );
    // An activity retry: JetStream drops it by message id.
    const retry = await publish(
      bus,
      E.ItemSigned.type,
      'sign',
      '2019-04-23T09:00:00+08:00',
      { item: signed, unitCode: 'edu' },
      eduClerk,
    );
    expect(first.duplicate).toBe(false);
    expect(retry.duplicate).toBe(true);
    await itemAt(id, 2);
    await settled();

    const snapshot = async () => ({
      item: await items().findOne({ _id: id }),
      inbox: await inbox().find({ itemId: id }).sort({ _id: 1 }).toArray(),
      timeline: await timeline().find({ itemId: id }).sort({ _id: 1 }).toArray(),
    });
    const before = await snapshot();
    expect(before.timeline).toHaveLength(2);

    // A re-publish outside the duplicate window (no message id): the ledger recognises the id.
    const event = supervisionEvent(
      E.ItemSigned.type,
      'sign',
      '2019-04-23T09:00:00+08:00',
      { item: signed, unitCode: 'edu' },
      eduClerk,
    );
    const duplicates = service.stats.duplicates;
    await bus.js.publish(E.ItemSigned.subject, JSON.stringify(event));
    await eventually(
      async () => service.stats.duplicates,
      (n) => n > duplicates,
    );
    expect(service.stats.duplicates).toBe(duplicates + 1);

    // Even past the ledger (a crash between the writes and the ack), the handler is idempotent.
    const handler = projectorHandlers(db)[E.ItemSigned.type]!;
    const context = { consumer: DURABLE, deliveryCount: 2, streamSequence: first.sequence };
    await handler(event, context);
    await handler(event, context);
    expect(await snapshot()).toEqual(before);
  });

  it('runs alone from main.ts and stops cleanly on SIGTERM', async () => {
    const stack = inject('stack');
    const root = path.resolve(import.meta.dirname, '../../../..');
    const durable = 'projector-main-test';
    const dbName = `${stack.mongoDb}_projector_main`;
    // Node itself with tsx as a loader, not the tsx command: the command relays SIGTERM through a
    // handshake with its child and SIGKILLs it when the answer is slow (exit 143 on a loaded machine).
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'services/supervision/src/projector/main.ts'),
        `--durable=${durable}`,
      ],
      {
        cwd: root,
        env: { ...process.env, NATS_URL: stack.natsUrl, MONGODB_URI: stack.mongoUri, MONGODB_DB: dbName },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await eventually(
        async () => output,
        (o) => o.includes('consuming'),
        { timeoutMs: 30_000 },
      );
      expect(output).toContain(`into ${dbName}`);
      const item = itemSnapshot('ptest.main');
      await publish(bus, E.ItemAssigned.type, 'assigned', '2019-04-22T09:00:00+08:00', { item });
      const mainDb = store.client.db(dbName);
      const doc = await eventually(
        () => mainDb.collection<ItemDoc>(ReadModels.items).findOne({ _id: 'ptest.main' }),
        (d) => d !== null,
      );
      expect(doc).toMatchObject({ version: 1, state: 'assigned' });
    } finally {
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await bus.jsm.consumers.delete(EVENTS_STREAM, durable);
    }
    expect(output).toContain('[projector] stopped');
  });

  it('rebuilding from the stream gives the same documents', async () => {
    await settled();
    await service.stop();
    const dump = async () => {
      const out: Record<string, unknown[]> = {};
      // This file's items only: other test files share the stream, and a workflow of theirs may
      // still publish while this runs. Every field of these documents is compared.
      const mine = /^ptest\./;
      out[ReadModels.items] = await items().find({ _id: mine }).sort({ _id: 1 }).toArray();
      for (const name of [ReadModels.inbox, ReadModels.timeline]) {
        out[name] = await db.collection(name).find({ itemId: mine }).sort({ _id: 1 }).toArray();
      }
      return out;
    };
    // The inbox is shared: a kindergarten step written by its own service survives the rebuild.
    const otherProcess: InboxDoc = {
      _id: 'kindergarten|ptest.kg|handover-hous|hous',
      process: 'kindergarten',
      itemId: 'ptest.kg',
      href: '#/kindergarten/cases/ptest.kg',
      unitCode: 'hous',
      role: 'lead',
      step: 'handover-hous',
      stepLabel: '督促开发企业移交',
      docNo: '青政办发〔2019〕31号',
      ref: '三(一)',
      title: '测试幼儿园',
      deadline: '2019-06-30',
      colour: 'green',
      updatedAt: new Date('2019-05-01T00:00:00Z'),
    };
    await inbox().insertOne(otherProcess);
    const before = await dump();
    expect(before[ReadModels.items]!.length).toBeGreaterThanOrEqual(4);
    expect(before[ReadModels.timeline]!.length).toBeGreaterThanOrEqual(25);

    const result = await rebuildProjections({ bus, db, durable: DURABLE, timeoutMs: 60_000 });
    service = result.consumer;
    // Every distinct event once; the re-published duplicate is recognised by the ledger again.
    expect(result.handled).toBeGreaterThanOrEqual(before[ReadModels.timeline]!.length);
    expect(service.stats.duplicates).toBeGreaterThanOrEqual(1);

    const info = await bus.jsm.consumers.info(EVENTS_STREAM, DURABLE);
    expect(info.num_pending).toBe(0);
    expect(info.num_ack_pending).toBe(0);
    expect(await dump()).toEqual(before);
    expect(await inbox().findOne({ _id: otherProcess._id })).toEqual(otherProcess);
  });
});
