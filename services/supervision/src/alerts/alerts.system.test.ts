import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildEvent, AlertEvents, ReadModels, type AlertDoc, type EventData } from '@duban/contracts';
import { SupervisionEvents } from '@duban/workflow-supervision/client';
import {
  connectBus,
  ensureStreams,
  EVENTS_STREAM,
  publishEvent,
  type Bus,
  JetStreamHandledEventLedger,
} from '@duban/bus';
import { connectStore, type Store } from '@duban/store';
import type { Db } from 'mongodb';
import { startAlertsService, type AlertsService } from './service';
import { eventually, itemSnapshot, newSupervisionEvent, publish } from './testing';

// DESIGN §5: every colour change reaches the inspectors, red reaches the leadership group, and
// an item red too long is escalated; each alert is stored once and announced once as AlertRaised.
const DURABLE = 'alerts-system-test';
const E = SupervisionEvents;
type AlertRaisedData = EventData<typeof AlertEvents.AlertRaised.type>;

describe('alerts service over the real engines', () => {
  let bus: Bus;
  let store: Store;
  let db: Db;
  let service: AlertsService;

  beforeAll(async () => {
    const stack = inject('stack');
    bus = await connectBus(stack.natsUrl, { name: 'alerts-tests' });
    await ensureStreams(bus.jsm);
    store = await connectStore(stack.mongoUri, `${stack.mongoDb}_alerts`);
    db = store.db;
    service = await startAlertsService({ bus, db, durable: DURABLE, maxHandlerFailures: 3 });
  });

  afterAll(async () => {
    await service?.stop();
    await store?.close();
    await bus?.close();
  });

  const alerts = () => db.collection<AlertDoc>(ReadModels.alerts);
  const settled = () =>
    eventually(
      () => bus.jsm.consumers.info(EVENTS_STREAM, DURABLE),
      (i) => i.num_pending === 0 && i.num_ack_pending === 0,
    );
  /** Every AlertRaised on the stream for these items, read back with an ordered consumer. */
  const raisedFor = async (itemId: string) => {
    const consumer = await bus.js.consumers.get(EVENTS_STREAM, {
      filter_subjects: [AlertEvents.AlertRaised.subject],
    });
    const out: { id: string; data: AlertRaisedData }[] = [];
    const info = await consumer.info();
    let remaining = info.num_pending;
    while (remaining > 0) {
      const batch = await consumer.fetch({ max_messages: Math.min(remaining, 256), expires: 2_000 });
      let got = 0;
      for await (const msg of batch) {
        got++;
        const event = JSON.parse(msg.string()) as { id: string; data: AlertRaisedData };
        if (event.data.itemId === itemId) out.push(event);
      }
      if (got === 0) break;
      remaining -= got;
    }
    return out;
  };

  it('creates the alerts index at start', async () => {
    const names = (await alerts().indexes()).map((i) => i.name);
    expect(names).toContain('audience_createdAt');
  });

  it('a colour climbing to red reaches inspectors at each step and the leaders at red', async () => {
    const id = 'atest.ladder';
    let item = itemSnapshot(id, { version: 2 });
    item = { ...item, colour: 'blue', overallColour: 'blue', version: 2 };
    await publish(bus, E.ColourChanged.type, 'colour-item', '2019-09-23T00:00:00+08:00', {
      item,
      scope: 'item',
      from: 'green',
      to: 'blue',
      reason: '临近办理期限',
    });
    item = {
      ...item,
      colour: 'red',
      overallColour: 'red',
      redSince: '2019-10-01T00:00:00+08:00',
      version: 3,
    };
    await publish(bus, E.ColourChanged.type, 'colour-item', '2019-10-01T00:00:00+08:00', {
      item,
      scope: 'item',
      from: 'blue',
      to: 'red',
      reason: '已超过办理期限',
    });
    // An approved extension brings it back: the drop reaches the inspectors only.
    item = {
      ...item,
      deadline: '2019-12-31',
      colour: 'green',
      overallColour: 'green',
      redSince: null,
      version: 5,
    };
    await publish(bus, E.ColourChanged.type, 'colour-item', '2019-10-08T10:00:00+08:00', {
      item,
      scope: 'item',
      from: 'red',
      to: 'green',
      reason: '期限已延长',
    });

    const docs = await eventually(
      () => alerts().find({ itemId: id }).sort({ createdAt: 1, audience: 1 }).toArray(),
      (d) => d.length === 4,
    );
    expect(docs.map((d) => [d._id, d.audience, d.colour, d.kind])).toEqual([
      ['supervision-atest.ladder/colour-item/2|inspector', 'inspector', 'blue', 'colour_changed'],
      ['supervision-atest.ladder/colour-item/3|inspector', 'inspector', 'red', 'colour_changed'],
      ['supervision-atest.ladder/colour-item/3|leader', 'leader', 'red', 'colour_changed'],
      ['supervision-atest.ladder/colour-item/5|inspector', 'inspector', 'green', 'colour_changed'],
    ]);
    const line =
      '青政办发〔2019〕31号 第三部分第2条「回收、置换、购置的小区配套幼儿园，2019年9月30日前完成」（牵头：住建局、教育局）';
    expect(docs.map((d) => d.message)).toEqual([
      `【临期】${line}预警由正常升为临期（期限2019-09-30）：临近办理期限`,
      `【逾期】${line}预警由临期升为逾期（期限2019-09-30）：已超过办理期限`,
      `【逾期】${line}已逾期（期限2019-09-30），请督促办理`,
      `【正常】${line}预警由逾期降为正常（期限2019-12-31）：期限已延长`,
    ]);
    expect(docs[1]).toMatchObject({
      process: 'supervision',
      itemId: id,
      href: `#/items/${id}`,
      docNo: '青政办发〔2019〕31号',
      ref: '第三部分第2条',
      leadUnits: ['hous', 'edu'],
      eventId: 'supervision-atest.ladder/colour-item/3',
      createdAt: new Date('2019-10-01T00:00:00+08:00'),
    });

    // Each stored alert is announced once on the bus, with a deterministic id, for the gateway.
    const raised = await eventually(
      () => raisedFor(id),
      (r) => r.length === 4,
    );
    expect(raised.map((r) => r.id).sort()).toEqual([
      'alert/supervision-atest.ladder/colour-item/2/inspector',
      'alert/supervision-atest.ladder/colour-item/3/inspector',
      'alert/supervision-atest.ladder/colour-item/3/leader',
      'alert/supervision-atest.ladder/colour-item/5/inspector',
    ]);
    const leaderRaised = raised.find((r) => r.data.audience === 'leader');
    expect(leaderRaised?.data).toEqual({
      alertId: 'supervision-atest.ladder/colour-item/3|leader',
      audience: 'leader',
      process: 'supervision',
      itemId: id,
      href: `#/items/${id}`,
      docNo: '青政办发〔2019〕31号',
      ref: '第三部分第2条',
      title: '回收、置换、购置的小区配套幼儿园，2019年9月30日前完成',
      colour: 'red',
      kind: 'colour_changed',
      message: `【逾期】${line}已逾期（期限2019-09-30），请督促办理`,
      leadUnits: ['hous', 'edu'],
      createdAt: '2019-09-30T16:00:00.000Z',
    });
  });

  it('a co-operating sub-task going red names its unit, and closing raises nothing', async () => {
    const id = 'atest.subtask';
    let item = itemSnapshot(id, { version: 2 });
    item = {
      ...item,
      subTasks: item.subTasks.map((s) => ({ ...s, colour: 'red' as const })),
      overallColour: 'red',
      redSince: '2019-09-16T00:00:00+08:00',
    };
    await publish(bus, E.ColourChanged.type, 'colour-fin', '2019-09-16T00:00:00+08:00', {
      item,
      scope: 'fin',
      from: 'green',
      to: 'red',
      reason: '已超过办理期限',
    });
    item = { ...item, state: 'closed', colour: 'none', overallColour: 'none', version: 3 };
    await publish(bus, E.ColourChanged.type, 'colour-item', '2019-09-20T00:00:00+08:00', {
      item,
      scope: 'item',
      from: 'green',
      to: 'none',
      reason: '已销号',
    });
    await eventually(
      () => alerts().countDocuments({ itemId: id }),
      (n) => n === 2,
    );
    await settled();
    const docs = await alerts().find({ itemId: id }).sort({ audience: 1 }).toArray();
    expect(docs.map((d) => d.audience)).toEqual(['inspector', 'leader']);
    expect(docs[0]?.message).toContain('配合单位财政局的子任务预警由正常升为逾期（期限2019-09-15）');
    expect(docs[1]?.message).toContain('配合单位财政局的子任务已逾期（期限2019-09-15）');
  });

  it('an item red for longer than N days is escalated to the leadership group', async () => {
    const id = 'atest.escalation';
    const item = itemSnapshot(id, {
      colour: 'red',
      overallColour: 'red',
      redSince: '2019-10-01T00:00:00+08:00',
      version: 4,
    });
    await publish(bus, E.OverdueEscalated.type, 'escalated', '2019-10-31T00:00:00+08:00', {
      item,
      redDays: 30,
    });
    const docs = await eventually(
      () => alerts().find({ itemId: id }).toArray(),
      (d) => d.length === 1,
    );
    expect(docs[0]).toMatchObject({
      _id: 'supervision-atest.escalation/escalated/4|leader',
      audience: 'leader',
      kind: 'overdue_escalated',
      colour: 'red',
    });
    expect(docs[0]?.message).toBe(
      '【逾期超过30天】青政办发〔2019〕31号 第三部分第2条「回收、置换、购置的小区配套幼儿园，2019年9月30日前完成」' +
        '（牵头：住建局、教育局）逾期超过30天（期限2019-09-30），自2019-10-01起逾期，请领导小组督办',
    );
    expect(
      (
        await eventually(
          () => raisedFor(id),
          (r) => r.length === 1,
        )
      ).map((r) => r.id),
    ).toEqual(['alert/supervision-atest.escalation/escalated/4/leader']);
  });

  it('a redelivered colour change raises no second alert, even after the ledger forgot it', async () => {
    const id = 'atest.redelivery';
    const item = itemSnapshot(id, { colour: 'red', overallColour: 'red', version: 2 });
    const input = newSupervisionEvent(E.ColourChanged.type, 'colour-item', '2019-10-01T00:00:00+08:00', {
      item,
      scope: 'item',
      from: 'green',
      to: 'red',
      reason: '已超过办理期限',
    });
    await publishEvent(bus.js, input);
    await eventually(
      () => raisedFor(id),
      (r) => r.length === 2,
    );
    await settled();
    const stored = { ...service.alertStats };
    const docsBefore = await alerts().find({ itemId: id }).sort({ _id: 1 }).toArray();
    expect(docsBefore).toHaveLength(2);

    // A re-publish outside JetStream's duplicate window (no message id): the ledger drops it.
    const event = buildEvent(input);
    const duplicates = service.stats.duplicates;
    await bus.js.publish(E.ColourChanged.subject, JSON.stringify(event));
    await eventually(
      async () => service.stats.duplicates,
      (n) => n > duplicates,
    );

    // A crash after storing and raising but before the handled id was recorded: the handler runs
    // again, finds the alerts stored and already raised, and adds nothing.
    await new JetStreamHandledEventLedger(bus).forgetConsumer(DURABLE);
    const handled = service.stats.handled;
    await bus.js.publish(E.ColourChanged.subject, JSON.stringify(event));
    await eventually(
      async () => service.stats.handled,
      (n) => n > handled,
    );
    await settled();
    expect(service.alertStats).toEqual(stored);
    expect(await alerts().find({ itemId: id }).sort({ _id: 1 }).toArray()).toEqual(docsBefore);
    expect((await raisedFor(id)).map((r) => r.id).sort()).toEqual([
      'alert/supervision-atest.redelivery/colour-item/2/inspector',
      'alert/supervision-atest.redelivery/colour-item/2/leader',
    ]);
  });

  // Issue 23, "Done when": an urge whose reply day passes unanswered turns red where 督查室 sees it.
  it('an urge left unanswered past its reply day reaches 督查室 and the leaders, red', async () => {
    const item = itemSnapshot('atest.urge', { version: 4 });
    await publish(bus, E.UrgeOverdue.type, 'urge-1-overdue', '2019-10-11T00:00:00+08:00', {
      item,
      urge: 1,
      unitCode: 'edu',
      replyBy: '2019-10-10',
    });
    const docs = await eventually(
      () => alerts().find({ itemId: 'atest.urge' }).sort({ audience: 1 }).toArray(),
      (d) => d.length === 2,
    );
    expect(docs.map((d) => [d.audience, d.colour, d.kind])).toEqual([
      ['inspector', 'red', 'urge_overdue'],
      ['leader', 'red', 'urge_overdue'],
    ]);
    expect(docs[0]!.message).toMatch(/^【催办逾期】.*第1次催办，教育局应于2019-10-10前反馈，至今未反馈$/);
  });
});
