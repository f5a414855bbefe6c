import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishEvent } from '@duban/bus';
import { AlertEvents, ReadModels, type AlertDoc, type EventData } from '@duban/contracts';
import { DEV_PASSWORDS, seedUsers } from './auth/seed';
import { api, EventStreamReader, login, startHarness, type Harness } from './testing/harness';

// Alerts (DESIGN §5): stored by the alerts service, listed per audience, and pushed live over
// server-sent events from the alert_raised facts on the real NATS server.

type AlertRaised = EventData<typeof AlertEvents.AlertRaised.type>;

let sequence = 0;
function alert(audience: 'inspector' | 'leader', fields: Partial<AlertRaised> = {}): AlertRaised {
  sequence++;
  const itemId = fields.itemId ?? `qzbf-2019-31.p${sequence}`;
  return {
    alertId: `supervision-${itemId}/colour/${sequence}|${audience}`,
    audience,
    itemId,
    docNo: '青政办发〔2019〕31号',
    ref: `（${sequence}）`,
    title: `预警测试 ${sequence}`,
    colour: audience === 'leader' ? 'red' : 'blue',
    kind: 'colour_changed',
    message: audience === 'leader' ? '事项已逾期' : '事项临期',
    leadUnits: ['edu'],
    createdAt: new Date(Date.UTC(2019, 5, 1, 0, 0, sequence)).toISOString(),
    ...fields,
  };
}

function toDoc(a: AlertRaised): AlertDoc {
  return {
    _id: a.alertId,
    audience: a.audience,
    process: a.process ?? 'supervision',
    itemId: a.itemId,
    href: a.href ?? `#/items/${a.itemId}`,
    docNo: a.docNo,
    ref: a.ref,
    title: a.title,
    colour: a.colour,
    kind: a.kind,
    message: a.message,
    leadUnits: a.leadUnits,
    eventId: a.alertId.split('|')[0]!,
    createdAt: new Date(a.createdAt),
  };
}

describe('alerts', () => {
  let h: Harness;
  const tokens: Record<string, string> = {};
  const publish = (data: AlertRaised) =>
    publishEvent(h.engines.bus.js, {
      type: AlertEvents.AlertRaised.type,
      id: `alert-test/${data.alertId}`,
      source: 'duban/alerts-test',
      subject: data.itemId,
      data,
    });

  beforeAll(async () => {
    h = await startHarness('gateway_alerts', { sseHeartbeatMs: 200 });
    await seedUsers(h.db, { leadUnitCodes: ['edu', 'hous'] });
    for (const user of ['admin', 'inspector', 'leader'] as const) {
      tokens[user] = await login(h, user, DEV_PASSWORDS[user]);
    }
    tokens.edu = await login(h, 'bureau-edu', DEV_PASSWORDS.bureau);
    tokens.hous = await login(h, 'bureau-hous', DEV_PASSWORDS.bureau);
  });

  afterAll(async () => {
    await h?.close();
  });

  describe('GET /api/alerts', () => {
    const stored = {
      blueEdu: alert('inspector'),
      redEduInspector: alert('inspector', { colour: 'red', itemId: 'qzbf-2019-31.p90' }),
      redEduLeader: alert('leader', { itemId: 'qzbf-2019-31.p90' }),
      yellowHous: alert('inspector', { colour: 'yellow', leadUnits: ['hous'] }),
    };

    beforeAll(async () => {
      await h.db.collection<AlertDoc>(ReadModels.alerts).insertMany(Object.values(stored).map(toDoc));
    });

    type Page = { alerts: { id: string; audience: string; createdAt: string }[]; total: number };
    const ids = (page: Page) => page.alerts.map((a) => a.id);

    it('gives each role its own audience, newest first', async () => {
      const inspector = await api<Page>(h, '/api/alerts', { token: tokens.inspector });
      expect(inspector.status).toBe(200);
      expect(ids(inspector.body)).toEqual([
        stored.yellowHous.alertId,
        stored.redEduInspector.alertId,
        stored.blueEdu.alertId,
      ]);
      const leader = await api<Page>(h, '/api/alerts', { token: tokens.leader });
      expect(ids(leader.body)).toEqual([stored.redEduLeader.alertId]);
      const admin = await api<Page>(h, '/api/alerts', { token: tokens.admin });
      expect(admin.body.total).toBe(4);
      const adminLeader = await api<Page>(h, '/api/alerts?audience=leader', { token: tokens.admin });
      expect(ids(adminLeader.body)).toEqual([stored.redEduLeader.alertId]);
    });

    it('a bureau sees the alerts of the items it leads, once each', async () => {
      const edu = await api<Page>(h, '/api/alerts', { token: tokens.edu });
      expect(ids(edu.body)).toEqual([stored.redEduInspector.alertId, stored.blueEdu.alertId]);
      const hous = await api<Page>(h, '/api/alerts', { token: tokens.hous });
      expect(ids(hous.body)).toEqual([stored.yellowHous.alertId]);
    });

    it('filters and pages; another audience is refused', async () => {
      const red = await api<Page>(h, '/api/alerts?colour=red', { token: tokens.inspector });
      expect(ids(red.body)).toEqual([stored.redEduInspector.alertId]);
      const page2 = await api<Page>(h, '/api/alerts?page=2&pageSize=2', { token: tokens.inspector });
      expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(ids(page2.body)).toEqual([stored.blueEdu.alertId]);
      expect((await api(h, '/api/alerts?audience=leader', { token: tokens.inspector })).status).toBe(403);
    });
  });

  describe('GET /api/alerts/stream', () => {
    const open = (token: string, headers: Record<string, string> = {}) =>
      EventStreamReader.open(`${h.url}/api/alerts/stream?access_token=${encodeURIComponent(token)}`, headers);

    it('needs a token (header or access_token) and answers as an event stream', async () => {
      const anonymous = await api(h, '/api/alerts/stream');
      expect(anonymous.status).toBe(401);
      const byHeader = await EventStreamReader.open(`${h.url}/api/alerts/stream`, {
        authorization: `Bearer ${tokens.inspector}`,
      });
      expect(byHeader.response.status).toBe(200);
      expect(byHeader.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(await byHeader.until(() => byHeader.comments.includes('connected'))).toBe(true);
      // Heartbeats are comment lines (200 ms in this test, 15 s by default).
      expect(await byHeader.until(() => byHeader.comments.some((c) => c.startsWith('heartbeat')))).toBe(true);
      await byHeader.close();
    });

    it('pushes an alert_raised fact to the inspectors, and a leader alert to leaders only', async () => {
      const inspector = await open(tokens.inspector!);
      const leader = await open(tokens.leader!);
      const admin = await open(tokens.admin!);
      for (const s of [inspector, leader, admin]) {
        expect(s.response.status).toBe(200);
        expect(await s.until(() => s.comments.includes('connected'))).toBe(true);
      }

      const forLeader = alert('leader', { message: '逾期超过 30 天' });
      const forInspector = alert('inspector', { message: '临期' });
      await publish(forLeader);
      await publish(forInspector);

      expect(
        await inspector.until(() => inspector.alerts().some((a) => a.alertId === forInspector.alertId)),
      ).toBe(true);
      expect(await leader.until(() => leader.alerts().some((a) => a.alertId === forLeader.alertId))).toBe(
        true,
      );
      expect(await admin.until(() => admin.alerts().length === 2)).toBe(true);

      // Published first, so it would have arrived before the inspectors' alert had it been sent.
      expect(inspector.alerts().map((a) => a.alertId)).toEqual([forInspector.alertId]);
      expect(leader.alerts().map((a) => a.alertId)).toEqual([forLeader.alertId]);
      const event = inspector.events.find((e) => e.event === 'alert')!;
      expect(event.id).toBe(forInspector.alertId);
      expect(JSON.parse(event.data)).toEqual(forInspector);

      await Promise.all([inspector.close(), leader.close(), admin.close()]);
    });

    it('a bureau stream carries only its own units’ alerts', async () => {
      const edu = await open(tokens.edu!);
      expect(await edu.until(() => edu.comments.includes('connected'))).toBe(true);
      const hous = alert('inspector', { leadUnits: ['hous'] });
      const mine = alert('inspector', { leadUnits: ['edu', 'hous'] });
      await publish(hous);
      await publish(mine);
      expect(await edu.until(() => edu.alerts().length > 0)).toBe(true);
      expect(edu.alerts().map((a) => a.alertId)).toEqual([mine.alertId]);
      await edu.close();
    });

    it('a reconnect with Last-Event-ID replays the stored alerts missed meanwhile', async () => {
      const seen = alert('inspector', { createdAt: '2019-06-10T00:00:00.000Z' });
      const missed = alert('inspector', { createdAt: '2019-06-11T00:00:00.000Z' });
      const missedLeader = alert('leader', { createdAt: '2019-06-11T00:00:01.000Z' });
      await h.db.collection<AlertDoc>(ReadModels.alerts).insertMany([seen, missed, missedLeader].map(toDoc));
      const again = await open(tokens.inspector!, { 'last-event-id': seen.alertId });
      expect(await again.until(() => again.alerts().length > 0)).toBe(true);
      expect(again.alerts().map((a) => a.alertId)).toEqual([missed.alertId]);
      await again.close();
    });

    it('drops the NATS subscription when the client goes away', async () => {
      // Asked of the NATS server itself (its monitoring endpoint), not of the client library.
      const monitor = `http://127.0.0.1:${inject('stack').env.NATS_MONITOR_PORT}`;
      const countSubs = async () => {
        const connz = (await (await fetch(`${monitor}/connz?subs=1`)).json()) as {
          connections: { subscriptions_list?: string[] }[];
        };
        return connz.connections
          .flatMap((c) => c.subscriptions_list ?? [])
          .filter((subject) => subject === AlertEvents.AlertRaised.subject).length;
      };
      // The streams of the tests above are closed; their subscriptions go within moments.
      await expect.poll(countSubs, { timeout: 5_000 }).toBe(0);
      const stream = await open(tokens.leader!);
      expect(await stream.until(() => stream.comments.includes('connected'))).toBe(true);
      expect(await countSubs()).toBe(1);
      await stream.close();
      await expect.poll(countSubs, { timeout: 5_000 }).toBe(0);
    });
  });
});
