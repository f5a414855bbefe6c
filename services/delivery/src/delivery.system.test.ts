import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AlertEvents, DeliveryEvents, ReadModels, type EventData, type InboxDoc } from '@duban/contracts';
import { connectBus, ensureStreams, publishEvent, type Bus } from '@duban/bus';
import { connectStore, type Store } from '@duban/store';
import type { Db } from 'mongodb';
import { api, login, startHarness, type Harness } from '../../gateway/src/testing/harness';
import { DEV_PASSWORDS, seedUsers } from '../../gateway/src/auth/seed';
import { subscriptions } from './collections';
import { loadDeliveryConfig, type DeliveryConfig } from './config';
import { outbox } from './outbox';
import { deliveryModule } from './process';
import { startDeliveryService, type DeliveryService } from './service';
import type { SubscriptionDoc } from './subscriptions';
import { eventually, startHttpReceiver, startSmtpReceiver, type HttpReceiver } from './testing';

// Issue 19: a red alert reaches the inspector's mail and the unit's group robot once each, within
// seconds, also across a restart of the delivery service; a receiver failing first is retried and
// served once; what cannot be delivered waits for the admins with its reason.
type AlertRaised = EventData<typeof AlertEvents.AlertRaised.type>;
const run = Date.now().toString(36);
const DING_SECRET = 'SECdelivery-test-secret';
const SMS_TOKEN = 'sms-token-for-tests';

describe('delivery over the real engines and loopback receivers', () => {
  let bus: Bus;
  let store: Store;
  let db: Db;
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let http: HttpReceiver;
  let config: DeliveryConfig;
  let service: DeliveryService | null = null;
  const logged: string[] = [];

  const start = async () =>
    startDeliveryService({
      bus,
      db,
      config,
      durable: `delivery-test-${run}`,
      startAt: 'new',
      dispatcher: {
        backoff: { baseMs: 200, maxMs: 1_000 },
        pollMs: 100,
        log: (level, message, fields) => logged.push(`${level} ${message} ${JSON.stringify(fields)}`),
      },
    });

  beforeAll(async () => {
    const stack = inject('stack');
    bus = await connectBus(stack.natsUrl, { name: 'delivery-tests' });
    await ensureStreams(bus.jsm);
    store = await connectStore(stack.mongoUri, `${stack.mongoDb}_delivery`);
    db = store.db;
    smtp = await startSmtpReceiver();
    http = await startHttpReceiver({ dingtalkSecret: DING_SECRET, smsToken: SMS_TOKEN });
    config = loadDeliveryConfig({
      DELIVERY_SMTP_HOST: '127.0.0.1',
      DELIVERY_SMTP_PORT: String(smtp.port),
      DELIVERY_ROBOTS: JSON.stringify([
        { name: '财政局工作群', kind: 'wecom', url: `${http.base}/wecom?key=wecom-key`, units: ['fin'] },
        {
          name: '领导群',
          kind: 'dingtalk',
          url: `${http.base}/dingtalk?access_token=ding-token`,
          secret: DING_SECRET,
        },
        { name: '限流群', kind: 'wecom', url: `${http.base}/wecom?key=wecom-key`, units: ['busy'] },
        // The digest test's group: the others have had their minute's share by then.
        { name: '督办日报群', kind: 'wecom', url: `${http.base}/wecom?key=wecom-key` },
      ]),
      DELIVERY_SMS_URL: `${http.base}/sms`,
      DELIVERY_SMS_TOKEN: SMS_TOKEN,
      DELIVERY_ROBOT_PER_MINUTE: '3',
      DELIVERY_MAX_ATTEMPTS: '5',
      DELIVERY_CONSOLE_URL: 'https://duban.example/',
    });
    const sub = (
      username: string,
      role: 'inspector' | 'leader',
      channels: SubscriptionDoc['channels'],
    ): SubscriptionDoc => ({
      _id: `user:${username}`,
      owner: { type: 'user', username, role, unitCode: null },
      channels,
      kinds: null,
      updatedAt: new Date(),
    });
    await subscriptions(db).insertMany([
      sub('inspector1', 'inspector', { email: 'inspector1@duban.example' }),
      sub('leader1', 'leader', { robot: '领导群', sms: '13800000001' }),
    ]);
    service = await start();
  });

  afterAll(async () => {
    await service?.stop();
    await http?.close();
    await smtp?.close();
    await store?.close();
    await bus?.close();
  });

  const raise = async (itemId: string, audience: 'inspector' | 'leader', over: Partial<AlertRaised> = {}) => {
    const fact = `supervision-${itemId}/colour-item/3`;
    await publishEvent(bus.js, {
      type: AlertEvents.AlertRaised.type,
      id: `alert/${fact}/${audience}`,
      source: 'test/delivery',
      subject: itemId,
      time: '2019-10-01T00:00:00+08:00',
      data: {
        alertId: `${fact}|${audience}`,
        audience,
        process: 'supervision',
        itemId,
        href: `#/items/${itemId}`,
        docNo: '青政办发〔2019〕31号',
        ref: '第三部分第2条',
        title: '回收、置换、购置的小区配套幼儿园',
        colour: 'red',
        kind: 'colour_changed',
        message: '已超过办理期限',
        leadUnits: ['fin'],
        createdAt: '2019-10-01T00:00:00+08:00',
        ...over,
      },
    });
    return fact;
  };
  const entries = (fact: string) => outbox(db).find({ sourceEvent: fact }).sort({ _id: 1 }).toArray();
  const hitsFor = (itemId: string, path: string) =>
    http.hits.filter((h) => h.path === path && JSON.stringify(h.body).includes(itemId));

  it('a red alert reaches the inspector by mail, the unit group and the leaders once each; the SMS gateway failing first gets it once', async () => {
    const itemId = `red-${run}`;
    http.failNext('/sms', 2);
    const started = Date.now();
    const fact = await raise(itemId, 'inspector');
    await raise(itemId, 'leader');

    const done = await eventually(
      () => entries(fact),
      (d) => d.length === 4 && d.every((e) => e.status === 'sent'),
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(done.map((e) => [e.channel, e.recipient, e.attempts])).toEqual([
      ['dingtalk', '领导群', 1],
      ['email', 'inspector1@duban.example', 1],
      ['sms', '13800000001', 3],
      ['wecom', '财政局工作群', 1],
    ]);

    const mails = smtp.mails.filter((m) => m.raw.includes(itemId));
    expect(mails.map((m) => m.to)).toEqual([['inspector1@duban.example']]);
    expect(mails[0]!.text).toContain(`查看办理：https://duban.example/#/items/${itemId}`);
    expect(mails[0]!.messageId).toMatch(/^<[0-9a-f]{32}@duban\.delivery>$/);
    // Both audiences' copies of the fact reach the unit group once.
    const wecom = hitsFor(itemId, '/wecom');
    expect(wecom).toHaveLength(1);
    expect(wecom[0]!.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining('逾期') },
    });
    const ding = hitsFor(itemId, '/dingtalk');
    expect(ding.map((h) => h.signed)).toEqual([true]);
    expect(ding[0]!.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: expect.stringContaining('回收') },
    });
    const sms = hitsFor(itemId, '/sms');
    expect(sms).toHaveLength(1);
    expect(sms[0]!.headers['idempotency-key']).toBe(`${fact}|sms|13800000001`);
    expect(sms[0]!.body).toMatchObject({ to: '13800000001' });
  });

  it('a restart of the delivery service in the middle loses nothing and repeats nothing', async () => {
    const itemId = `restart-${run}`;
    http.failNext('/wecom', 1_000); // the unit group is down for now
    const first = await raise(itemId, 'inspector');
    await eventually(
      () => outbox(db).findOne({ _id: `${first}|wecom|财政局工作群` }),
      (d) => (d?.attempts ?? 0) >= 1,
    );
    await service!.stop();
    service = null;

    // While the service is down: the group comes back, and the leaders' copy is raised.
    http.failNext('/wecom', 0);
    await raise(itemId, 'leader');
    service = await start();

    const done = await eventually(
      () => entries(first),
      (d) => d.length === 4 && d.every((e) => e.status === 'sent'),
    );
    expect(done.find((e) => e.channel === 'wecom')!.attempts).toBeGreaterThanOrEqual(2);
    expect(hitsFor(itemId, '/wecom')).toHaveLength(1);
    expect(smtp.mails.filter((m) => m.raw.includes(itemId))).toHaveLength(1);
    expect(hitsFor(itemId, '/dingtalk')).toHaveLength(1);
    expect(hitsFor(itemId, '/sms')).toHaveLength(1);
  });

  it('what cannot be delivered is a dead letter with its reason, and no secret in it', async () => {
    const itemId = `dead-${run}`;
    http.refuse('/sms', 401);
    http.failNext('/dingtalk', 1_000);
    const fact = await raise(itemId, 'leader');
    const dead = await eventually(
      () => outbox(db).find({ sourceEvent: fact, status: 'dead' }).sort({ channel: 1 }).toArray(),
      (d) => d.length === 2,
    );
    http.refuse('/sms', null);
    http.failNext('/dingtalk', 0);
    expect(dead.map((d) => [d.channel, d.attempts, d.lastError])).toEqual([
      ['dingtalk', 5, '5 attempts failed; last: 钉钉机器人 领导群: HTTP 500'],
      ['sms', 1, '短信网关: HTTP 401'],
    ]);
    const everything = JSON.stringify(await outbox(db).find({}).toArray()) + logged.join('\n');
    for (const secret of [DING_SECRET, SMS_TOKEN, 'wecom-key', 'ding-token'])
      expect(everything).not.toContain(secret);
  });

  it('the morning digest: one message per unit with steps due, through its channels, once per day', async () => {
    const [fin, edu, mute] = [`fin-${run}`, `edu-${run}`, `mute-${run}`];
    const step = (unitCode: string, itemId: string, deadline: string | null): InboxDoc => ({
      _id: `supervision|${itemId}|sign|${unitCode}`,
      process: 'supervision',
      itemId: `${itemId}-${run}`,
      unitCode,
      role: 'lead',
      step: 'sign',
      stepLabel: '签收',
      href: `#/items/${itemId}-${run}`,
      docNo: '青政办发〔2019〕31号',
      ref: '三(三)',
      title: `事项${itemId}`,
      deadline,
      colour: 'green',
      updatedAt: new Date(),
    });
    await db
      .collection<InboxDoc>(ReadModels.inbox)
      .insertMany([
        step(fin, 'late', '2019-10-08'),
        step(fin, 'soon', '2019-10-14'),
        step(fin, 'far', '2019-11-01'),
        step(fin, 'open', null),
        step(edu, 'week', '2019-10-18'),
        step(edu, 'past-week', '2019-10-19'),
        step(mute, 'late', '2019-10-01'),
      ]);
    await subscriptions(db).insertMany([
      {
        _id: `unit:${fin}`,
        owner: { type: 'unit', unitCode: fin },
        channels: { robot: '督办日报群', email: 'fin@duban.example' },
        kinds: null,
        updatedAt: new Date(),
      },
      {
        _id: `unit:${edu}`,
        owner: { type: 'unit', unitCode: edu },
        channels: { email: 'edu@duban.example' },
        kinds: ['red'], // kinds choose alerts; the digest reaches a unit's channels regardless
        updatedAt: new Date(),
      },
    ]);
    const announce = (attempt: string) =>
      publishEvent(bus.js, {
        type: DeliveryEvents.DigestDue.type,
        id: `digest-test/${run}/${attempt}`,
        source: 'test/delivery',
        subject: '2019-10-11',
        data: { day: '2019-10-11', dueAt: '2019-10-11T00:30:00.000Z' },
      });
    await announce('first');
    const sent = await eventually(
      () =>
        outbox(db)
          .find({ sourceEvent: { $regex: `^digest\\|2019-10-11\\|.*-${run}$` } })
          .sort({ _id: 1 })
          .toArray(),
      (d) => d.length === 3 && d.every((e) => e.status === 'sent'),
    );
    expect(sent.map((d) => d._id)).toEqual([
      `digest|2019-10-11|${edu}|email|edu@duban.example`,
      `digest|2019-10-11|${fin}|email|fin@duban.example`,
      `digest|2019-10-11|${fin}|wecom|督办日报群`,
    ]);
    const finMail = smtp.mails.find((m) => m.to.includes('fin@duban.example'))!;
    expect(finMail.text).toContain('逾期1项，7日内到期1项');
    expect(finMail.text).toContain('逾期3天（2019-10-08）');
    expect(finMail.text).toContain('3天后到期（2019-10-14）');
    expect(finMail.text).not.toContain(`far-${run}`);
    expect(finMail.text).not.toContain(`open-${run}`);
    const eduMail = smtp.mails.find((m) => m.to.includes('edu@duban.example'))!;
    expect(eduMail.text).toContain('7天后到期（2019-10-18）');
    expect(eduMail.text).not.toContain('2019-10-19');
    expect(hitsFor(`soon-${run}`, '/wecom')).toHaveLength(1);

    // Announced again (a workflow restarted on the same day): the same delivery ids, nothing sent twice.
    await announce('again');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(smtp.mails.filter((m) => m.to.includes('fin@duban.example'))).toHaveLength(1);
    expect(hitsFor(`soon-${run}`, '/wecom')).toHaveLength(1);
  });

  it('a request for review reaches the inspectors who subscribed to review requests, once', async () => {
    await subscriptions(db).insertOne({
      _id: `user:inspector2-${run}`,
      owner: { type: 'user', username: `inspector2-${run}`, role: 'inspector', unitCode: null },
      channels: { email: `reviewer-${run}@duban.example` },
      kinds: ['red', 'review'],
      updatedAt: new Date(),
    });
    const itemId = `review-${run}`;
    const request = `supervision-${itemId}/close-requested/5`;
    const publish = () =>
      publishEvent(bus.js, {
        type: AlertEvents.ReviewRequested.type,
        id: `review/${request}`,
        source: 'test/delivery',
        subject: itemId,
        data: {
          requestEventId: request,
          process: 'supervision',
          request: 'close',
          itemId,
          href: `#/items/${itemId}`,
          docNo: '青政办发〔2019〕31号',
          ref: '第三部分第2条',
          title: '回收、置换、购置的小区配套幼儿园',
          leadUnits: ['fin'],
          message: '牵头单位申请办结：已回收3所',
          createdAt: '2019-09-20T10:00:00+08:00',
        },
      });
    await publish();
    const sent = await eventually(
      () => outbox(db).find({ sourceEvent: request }).toArray(),
      (d) => d.length === 1 && d[0]!.status === 'sent',
    );
    expect(sent[0]!._id).toBe(`${request}|email|reviewer-${run}@duban.example`);
    const mails = () => smtp.mails.filter((m) => m.raw.includes(itemId));
    // inspector1 keeps the defaults (every red): no review requests.
    expect(mails().map((m) => m.to)).toEqual([[`reviewer-${run}@duban.example`]]);
    expect(mails()[0]!.text).toContain(`审核：https://duban.example/#/items/${itemId}`);
  });

  it('after a dispatcher died during a call: a robot message waits for the admins, a mail goes again', async () => {
    const itemId = `died-${run}`;
    const died = (channel: 'wecom' | 'email', recipient: string) => ({
      _id: `died-${run}|${channel}|${recipient}`,
      sourceEvent: `died-${run}`,
      channel,
      recipient,
      message: { title: itemId, text: itemId, markdown: itemId, link: '' },
      about: {
        process: 'supervision',
        itemId,
        kind: 'colour_changed',
        colour: 'red',
        alertId: `died-${run}`,
      },
      status: 'sending' as const,
      attempts: 0,
      nextAttemptAt: new Date(Date.now() - 120_000),
      // The dead dispatcher's lease ran out; it had begun the call.
      leaseUntil: new Date(Date.now() - 60_000),
      calling: { attemptId: 'a-dead-dispatcher', since: new Date(Date.now() - 100_000) },
      lastError: null,
      createdAt: new Date(Date.now() - 120_000),
      sentAt: null,
      deadAt: null,
    });
    await outbox(db).insertMany([died('wecom', '督办日报群'), died('email', 'inspector1@duban.example')]);
    service!.dispatcher.wake();
    const docs = await eventually(
      () =>
        outbox(db)
          .find({ sourceEvent: `died-${run}` })
          .sort({ channel: 1 })
          .toArray(),
      (d) => d.length === 2 && d.every((e) => e.status === 'sent' || e.status === 'dead'),
    );
    expect(docs.map((d) => [d.channel, d.status, d.calling ?? null])).toEqual([
      ['email', 'sent', null],
      ['wecom', 'dead', null],
    ]);
    expect(docs[1]!.lastError).toMatch(/^结果未知/);
    expect(hitsFor(itemId, '/wecom')).toHaveLength(0);
    expect(smtp.mails.filter((m) => m.raw.includes(itemId))).toHaveLength(1);
  });

  it('a group robot gets at most its rate a minute (3 here); the rest waits, not lost', async () => {
    const facts = [];
    for (let i = 0; i < 4; i++)
      facts.push(await raise(`busy-${i}-${run}`, 'inspector', { leadUnits: ['busy'] }));
    const ids = facts.map((f) => `${f}|wecom|限流群`);
    const docs = await eventually(
      () =>
        outbox(db)
          .find({ _id: { $in: ids } })
          .toArray(),
      (d) =>
        d.length === 4 &&
        d.filter((e) => e.status === 'sent').length === 3 &&
        d.some((e) => e.status === 'pending' && e.nextAttemptAt > e.createdAt),
    );
    const waiting = docs.find((d) => d.status === 'pending')!;
    expect(waiting.attempts).toBe(0);
    // It goes when the oldest of the three leaves the minute's window.
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(service!.dispatcher.stats.rateLimited).toBeGreaterThanOrEqual(1);
  });
});

describe('提醒设置 and dead letters over the gateway', () => {
  let harness: Harness;
  const saved = process.env.DELIVERY_ROBOTS;
  beforeAll(async () => {
    process.env.DELIVERY_ROBOTS = JSON.stringify([
      {
        name: '财政局工作群',
        kind: 'wecom',
        url: 'https://qyapi.example/send?key=route-test-key',
        units: ['fin'],
      },
    ]);
    harness = await startHarness('delivery_routes', { processes: [deliveryModule] });
    await seedUsers(harness.db, { leadUnitCodes: ['fin', 'edu'] });
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.DELIVERY_ROBOTS;
    else process.env.DELIVERY_ROBOTS = saved;
    await harness?.close();
  });

  it('a person sees the defaults of the role, chooses channels and kinds, and never a robot key', async () => {
    const leader = await login(harness, 'leader', DEV_PASSWORDS.leader);
    const choices = await api(harness, '/api/delivery/choices', { token: leader });
    expect(choices.body).toMatchObject({ robots: [{ name: '财政局工作群', kind: 'wecom' }] });
    expect(JSON.stringify(choices.body)).not.toContain('route-test-key');
    const before = await api(harness, '/api/delivery/subscriptions/me', { token: leader });
    expect(before.body).toMatchObject({
      kinds: ['red', 'escalation', 'listed', 'accountability'],
      defaults: true,
    });
    const put = await api(harness, '/api/delivery/subscriptions/me', {
      method: 'PUT',
      token: leader,
      body: { channels: { email: 'leader@duban.example', sms: '13800000009' }, kinds: ['red'] },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ kinds: ['red'], defaults: false, channels: { sms: '13800000009' } });
    const bad = await api(harness, '/api/delivery/subscriptions/me', {
      method: 'PUT',
      token: leader,
      body: { channels: { robot: '没有这个群' }, kinds: null },
    });
    expect(bad.status).toBe(404);
  });

  it('a bureau sets its own unit, not another; only admins read and retry dead letters', async () => {
    const fin = await login(harness, 'bureau-fin', DEV_PASSWORDS.bureau);
    const own = await api(harness, '/api/delivery/subscriptions/units/fin', { token: fin });
    expect(own.body).toMatchObject({ channels: { robot: '财政局工作群' }, defaults: true });
    const other = await api(harness, '/api/delivery/subscriptions/units/edu', {
      method: 'PUT',
      token: fin,
      body: { channels: {}, kinds: null },
    });
    expect(other.status).toBe(403);
    expect((await api(harness, '/api/delivery/dead-letters', { token: fin })).status).toBe(403);

    await outbox(harness.db).insertOne({
      _id: 'e1|sms|13800000009',
      sourceEvent: 'e1',
      channel: 'sms',
      recipient: '13800000009',
      message: { title: '标题', text: '', markdown: '', link: '' },
      about: {
        process: 'supervision',
        itemId: 'x',
        kind: 'colour_changed',
        colour: 'red',
        alertId: 'e1|leader',
      },
      status: 'dead',
      attempts: 1,
      nextAttemptAt: new Date(),
      leaseUntil: null,
      lastError: '短信网关: HTTP 401',
      createdAt: new Date(),
      sentAt: null,
      deadAt: new Date(),
    });
    const admin = await login(harness, 'admin', DEV_PASSWORDS.admin);
    const dead = await api<{ deadLetters: { deliveryId: string; reason: string }[] }>(
      harness,
      '/api/delivery/dead-letters',
      { token: admin },
    );
    expect(dead.body.deadLetters).toEqual([
      expect.objectContaining({ deliveryId: 'e1|sms|13800000009', reason: '短信网关: HTTP 401' }),
    ]);
    const retry = await api(
      harness,
      `/api/delivery/dead-letters/${encodeURIComponent('e1|sms|13800000009')}/retry`,
      {
        method: 'POST',
        token: admin,
      },
    );
    expect(retry.status).toBe(204);
    expect((await outbox(harness.db).findOne({ _id: 'e1|sms|13800000009' }))?.status).toBe('pending');
  });
});
