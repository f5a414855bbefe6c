import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_STREAM, connectBus, type Bus } from '@duban/bus';
import { ReadModels, type TimelineDoc } from '@duban/contracts';
import { type ItemDoc } from '@duban/workflow-supervision/client';
import { connectStore, type Store } from '@duban/store';
import { startSystem, type RunningSystem } from '@duban/system';
import {
  api,
  conflictProblem,
  EventStreamReader,
  login,
  sentTwice,
} from '../../services/gateway/src/testing/harness';
import { eventually } from '../support/engines';
import { startOwnStack, type OwnStack } from '../support/own-stack';

// Issue 4 end to end: the whole system (worker, projector, alerts, gateway) over the real engines
// and the HTTP API, on the bundled 2019 gazette imported at start.
describe('supervision items over the running system', () => {
  let ownStack: OwnStack | undefined;
  let system: RunningSystem;
  let store: Store;
  let bus: Bus;
  const tokens: Record<string, string> = {};
  const http = () => ({ url: system.gateway.url });

  beforeAll(async () => {
    ownStack = await startOwnStack('e2e', 20);
    const config = ownStack.config;
    bus = await connectBus(config.nats.url);
    system = await startSystem(config, { port: 0 });
    store = await connectStore(config.mongo.uri, config.mongo.db);
    for (const [user, password] of [
      ['inspector', 'duban-inspector-2019'],
      ['leader', 'duban-leader-2019'],
      ['admin', 'duban-admin-2019'],
      ['bureau-edu', 'duban-bureau-2019'],
      ['bureau-fin', 'duban-bureau-2019'],
    ] as const) {
      tokens[user] = await login(http(), user, password);
    }
    gazetteIds = (
      await store.db
        .collection('catalog_tasks')
        .find({}, { projection: { _id: 1 } })
        .toArray()
    )
      .map((t) => String(t._id))
      .filter((id) => id !== 'qzbf-2019-39.6.p5'); // no lead unit: catalogued, not supervised
  });

  afterAll(async () => {
    await bus?.close();
    await store?.close();
    await system?.close();
    await ownStack?.stop();
  });

  // The gazette's items (the catalog's tasks with a lead unit).
  let gazetteIds: string[] = [];
  const gazette = (filter: Record<string, unknown> = {}) => ({ ...filter, _id: { $in: gazetteIds } });
  const items = () => store.db.collection<ItemDoc>(ReadModels.items);
  const timeline = () => store.db.collection<TimelineDoc>(ReadModels.timeline);
  const act = (user: string, itemId: string, action: string, body: unknown) =>
    api<{ item?: ItemDoc; detail?: string; errors?: { field: string }[] }>(
      http(),
      `/api/items/${itemId}/actions/${action}`,
      { token: tokens[user], body },
    );

  it('shows every imported task as an item, coloured against today', async () => {
    // 75: 28号 三(九) is six items, one per bureau's paragraph of duties (issue 14, point 6).
    expect(system.catalog!.items.started + system.catalog!.items.alreadyRunning).toBe(75);
    expect(gazetteIds).toHaveLength(75);
    const projected = await eventually(
      () => items().find(gazette()).toArray(),
      (docs) => docs.length === 75,
      { timeoutMs: 60_000 },
    );
    expect(projected).toHaveLength(75);
    const overview = await api<{ total: number }>(http(), '/api/overview', { token: tokens.leader });
    expect(overview.body.total).toBeGreaterThanOrEqual(75);
    // Imported today, every 2019/2020 deadline has passed: those items are red, the others
    // (no deadline) green.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const item of projected) {
      const overdue = item.deadline !== null && item.deadline < today;
      expect(item.colour, `${item.itemId} deadline ${item.deadline}`).toBe(overdue ? 'red' : 'green');
    }
    expect(projected.filter((i) => i.colour === 'red').length).toBeGreaterThan(20);

    // 28号 三(九) 强化部门共同责任: each bureau the clause names has its duty as an item it leads
    // alone (财政局 funds, 生态环境分局 soil pollution, 审计局 departure audits, 农业农村局 非粮化/非农化
    // and the others), undated as the text is; 财政局 finds its own in its inbox.
    const shares = projected
      .filter((i) => i.docNo === '青政办发〔2019〕28号' && i.ref.startsWith('三.(九).'))
      .sort((a, b) => a.ref.localeCompare(b.ref));
    expect(shares.map((i) => `${i.ref} ${i.leadUnits.join()} ${i.deadline} ${i.colour}`)).toEqual([
      '三.(九).1 natres null green',
      '三.(九).2 agri null green',
      '三.(九).3 fin null green',
      '三.(九).4 eco null green',
      '三.(九).5 stats null green',
      '三.(九).6 audit null green',
    ]);
    const finInbox = await api<{ items: { itemId: string }[] }>(http(), '/api/inbox', {
      token: tokens['bureau-fin'],
    });
    expect(finInbox.body.items.map((i) => i.itemId)).toContain('qzbf-2019-28.3.p9.3');
  });

  it('each bureau inbox lists exactly its own open steps', async () => {
    const inbox = await api<{ items: { unitCode: string; itemId: string }[] }>(http(), '/api/inbox', {
      token: tokens['bureau-edu'],
    });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.length).toBeGreaterThan(0);
    expect(inbox.body.items.every((i) => i.unitCode === 'edu')).toBe(true);
    // Counted here from the items themselves: lead of an item a bureau still works on, or an
    // unfinished sub-task.
    const own = (await items().find(gazette()).toArray()).filter(
      (i) =>
        (i.leadUnits.includes('edu') && ['assigned', 'signed', 'in_progress'].includes(i.state)) ||
        (i.state !== 'closed' && i.subTasks.some((s) => s.unitCode === 'edu' && s.state !== 'done')),
    );
    const mine = inbox.body.items.map((i) => i.itemId).filter((id) => gazetteIds.includes(id));
    expect(mine.sort()).toEqual(own.map((i) => i.itemId).sort());
  });

  // Issue 14, 青政办发〔2019〕31号 四.(二) 全面整改: four dates in one clause are one item with a milestone
  // per date, from the bundled gazette to the API and the calendar feed. The clock here is today's,
  // so each has passed and is red since the day after its own date; the time-skipping workflow
  // test (workflows/supervision) shows the 6月底 one red on 2019-07-01 while the later ones are green.
  it('31号 四.(二) is one item with its four dated milestones, each red since its own date, and four calendar events', async () => {
    const id = 'qzbf-2019-31.4.p2';
    // The read model takes the item's last fact of the import (its colour changes) shortly after.
    const detail = await eventually(
      () => api<{ item: ItemDoc }>(http(), `/api/items/${id}`, { token: tokens.leader }),
      (r) => r.body.item?.milestones?.every((m) => m.colour === 'red') === true,
    );
    const { item } = detail.body;
    expect(item).toMatchObject({ docNo: '青政办发〔2019〕31号', ref: '四.(二)', deadline: '2020-12-31' });
    expect(item.milestones!.map((m) => [m.date, m.phrase, m.colour, m.redSince, m.doneAt])).toEqual([
      ['2019-06-30', '于2019年6月底前', 'red', '2019-06-30T16:00:00.000Z', null],
      ['2019-09-30', '于2019年9月底前', 'red', '2019-09-30T16:00:00.000Z', null],
      ['2019-11-30', '于2019年11月底前', 'red', '2019-11-30T16:00:00.000Z', null],
      ['2020-12-31', '2020年12月底前', 'red', '2020-12-31T16:00:00.000Z', null],
    ]);
    const ics = await (
      await fetch(`${system.gateway.url}/api/calendar/edu.ics?access_token=${tokens['bureau-edu']}`)
    ).text();
    const uids = ics.match(new RegExp(`UID:${id.replace(/\./g, '\\.')}\\.edu[^\r\n]*`, 'g'));
    expect(uids).toEqual(item.milestones!.map((m) => `UID:${id}.edu.${m.key}@duban`));

    // Overdue since its first milestone (6月底 2019), not its deadline (2020年12月底): in the overdue
    // list the days count from 2019-06-30, and the row says which milestone.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const days = (from: string) => Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000);
    const res = await fetch(
      `${system.gateway.url}/api/exports/overdue.xlsx?docNo=${encodeURIComponent('青政办发〔2019〕31号')}`,
      { headers: { authorization: `Bearer ${tokens.leader}` } },
    );
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('逾期清单')!;
    expect(sheet.getRow(2).getCell(12).value).toBe('逾期起算节点');
    const rows = sheet.getRows(3, sheet.rowCount - 2) ?? [];
    const row = rows.find((r) => r.getCell(3).value === '四.(二)')!;
    expect([row.getCell(7).value, row.getCell(8).value, row.getCell(12).value]).toEqual([
      '2020-12-31',
      days('2019-06-30'),
      '2019-06-30（于2019年6月底前）',
    ]);
    // Ordered by how long each has been overdue: 四.(二) (since 2019-06-30) before any item whose
    // own date came later.
    const since = rows.map((r) => Number(r.getCell(8).value));
    expect(since).toEqual([...since].sort((a, b) => b - a));
    // Each overdue milestone is a row of its own, with its own date and days (as the calendar has
    // an event per milestone), not only the earliest.
    expect(
      rows
        .filter((r) => r.getCell(3).value === '四.(二)')
        .map((r) => [r.getCell(8).value, r.getCell(12).value]),
    ).toEqual(item.milestones!.map((m) => [days(m.date), `${m.date}（${m.phrase}）`]));
    // The cockpit's longest overdue counts them the same way: a row per overdue date, each with the
    // days since its own date (the 6月底 row is there unless ten rows came before it).
    const overview = await api<{
      longestOverdue: { itemId: string; overdueSince: string; daysOverdue: number }[];
    }>(http(), '/api/overview', { token: tokens.leader });
    const longest = overview.body.longestOverdue;
    for (const o of longest) expect(o.daysOverdue).toBe(Math.max(0, days(o.overdueSince)));
    expect(longest.map((o) => o.overdueSince)).toEqual(longest.map((o) => o.overdueSince).sort());
    if (longest.length < 10 || longest.at(-1)!.overdueSince > '2019-06-30')
      expect(longest).toContainEqual(expect.objectContaining({ itemId: id, overdueSince: '2019-06-30' }));
  });

  it('a bureau walks its item to close requested, an inspector closes it, and every step is in the timeline', async () => {
    const item = await items().findOne(
      gazette({ leadUnits: ['edu'], cooperatingUnits: [], state: 'assigned' }),
    );
    expect(item).not.toBeNull();
    const id = item!.itemId;

    expect((await act('bureau-edu', id, 'sign', {})).status).toBe(200);

    // The worker stops in the middle of the flow: the action waits for it and nothing is lost.
    await system.worker.stop();
    const pending = act('bureau-edu', id, 'progress', {
      text: '已完成园所摸底，形成一园一案',
      attachments: [],
    });
    await new Promise((r) => setTimeout(r, 1_000));
    await system.worker.start();
    const progressed = await pending;
    expect(progressed.status).toBe(200);
    expect(progressed.body.item?.state).toBe('in_progress');

    expect(
      (await act('bureau-edu', id, 'request-close', { summary: '治理完成，申请销号', attachments: [] }))
        .status,
    ).toBe(200);
    expect((await act('inspector', id, 'review', {})).status).toBe(200);
    const closed = await act('inspector', id, 'close', { opinion: '经复核，同意销号' });
    expect(closed.status).toBe(200);
    expect(closed.body.item).toMatchObject({ state: 'closed', overallColour: 'none' });

    const detail = await eventually(
      () =>
        api<{ item: ItemDoc; timeline: TimelineDoc[] }>(http(), `/api/items/${id}`, { token: tokens.leader }),
      (r) => r.body.timeline?.some((t) => t.fact === 'item_closed'),
      // A publish stranded by the worker restart is retried after its 10 s start-to-close timeout.
      { timeoutMs: 60_000 },
    );
    const facts = detail.body.timeline.map((t) => t.fact);
    for (const fact of [
      'item_assigned',
      'item_signed',
      'progress_reported',
      'close_requested',
      'review_started',
      'item_closed',
    ]) {
      expect(facts).toContain(fact);
    }
    const signed = detail.body.timeline.find((t) => t.fact === 'item_signed')!;
    expect(signed.actor).toMatchObject({ userId: 'bureau-edu', unitCode: 'edu' });
    expect(signed.actor.requestId).toBeTruthy();

    // Each step is a fact on the bus with the item as subject.
    const onBus = await stepsOnBus(id);
    expect(onBus).toEqual(
      expect.arrayContaining(['item_signed', 'progress_reported', 'close_requested', 'item_closed']),
    );
    const inbox = await api<{ items: { itemId: string }[] }>(http(), '/api/inbox', {
      token: tokens['bureau-edu'],
    });
    expect(inbox.body.items.map((i) => i.itemId)).not.toContain(id);
  });

  it('归档: 督查室 archives the closed item once (not an open one); it stays searchable and its record downloads as one xlsx', async () => {
    const closed = await items().findOne(gazette({ leadUnits: ['edu'], state: 'closed' }));
    expect(closed).not.toBeNull();
    const id = closed!.itemId;
    const archive = (user: string, itemId: string) =>
      api<{ item?: ItemDoc; detail?: string }>(http(), `/api/items/${itemId}/archive`, {
        token: tokens[user],
        method: 'POST',
      });
    const open = await items().findOne(gazette({ leadUnits: ['edu'], state: 'assigned' }));
    const early = await archive('inspector', open!.itemId);
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/尚未销号/);
    expect((await archive('bureau-edu', id)).status).toBe(403);

    const archived = await archive('inspector', id);
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect(archived.body.item).toMatchObject({ state: 'closed', archived: { byUserId: 'inspector' } });
    const twice = await archive('inspector', id);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toMatch(/已.*归档/);

    // Still found by the item search, with the filter; the fact is in the timeline, attributed.
    const search = (archivedFilter: string) =>
      api<{ items: { itemId: string }[] }>(
        http(),
        `/api/items?archived=${archivedFilter}&docNo=${encodeURIComponent(closed!.docNo)}&pageSize=200`,
        { token: tokens.inspector },
      );
    const found = await eventually(
      () => search('true'),
      (r) => r.body.items?.some((i) => i.itemId === id),
    );
    expect(found.body.items.map((i) => i.itemId)).toEqual([id]);
    expect((await search('false')).body.items.map((i) => i.itemId)).not.toContain(id);
    const fact = await timeline().findOne({ itemId: id, fact: 'item_archived' });
    expect(fact?.actor.userId).toBe('inspector');

    // The bundle, for anyone who may read the item (教育局 leads it; 财政局 has no part in it).
    const res = await fetch(`${http().url}/api/items/${id}/archive.xlsx`, {
      headers: { authorization: `Bearer ${tokens['bureau-edu']}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(`督办事项归档-${closed!.docNo}`)}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['事项', '时间线', '附件', '催办']);
    const values = (name: string) =>
      (book.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(values('事项')).toContainEqual(['文号', closed!.docNo]);
    expect(values('时间线').map((r) => r[3])).toEqual(
      expect.arrayContaining(['item_signed', 'item_closed', 'item_archived']),
    );
    const other = await api(http(), `/api/items/${id}/archive.xlsx`, { token: tokens['bureau-fin'] });
    expect(other.status).toBe(403);
  });

  it('本单位人员: 教育局’s 督办员 makes a user of its own unit only and disables one, each change attributed', async () => {
    const unitUser = (body: unknown) =>
      api<{
        unitSupervisor?: boolean;
        createdBy?: unknown;
        disabledBy?: unknown;
        errors?: { field: string }[];
      }>(http(), '/api/unit-users', { token: tokens['bureau-edu'], body });
    const clerk = { username: 'edu-clerk', name: '李办事', password: 'duban-clerk-2019' };
    const elsewhere = await unitUser({ ...clerk, unitCode: 'fin' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.errors?.[0]?.field).toBe('body.unitCode');
    const made = await unitUser({ ...clerk, unitCode: 'edu' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ unitSupervisor: false, createdBy: { username: 'bureau-edu' } });
    const clerkToken = await login(http(), clerk.username, clerk.password);
    // An ordinary user manages no one.
    expect((await api(http(), '/api/unit-users', { token: clerkToken })).status).toBe(403);

    const disabled = await api<{ disabledBy?: unknown }>(http(), '/api/unit-users/edu-clerk/disable', {
      token: tokens['bureau-edu'],
      body: { reason: '调离本单位' },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledBy).toMatchObject({ username: 'bureau-edu' });
    expect((await api(http(), '/api/session', { token: clerkToken })).status).toBe(401);
    const signIn = await api(http(), '/api/session', {
      body: { username: clerk.username, password: clerk.password },
    });
    expect(signIn.status).toBe(401);
    const listed = await api<{ users: { username: string; disabledAt: string | null }[] }>(
      http(),
      '/api/unit-users',
      { token: tokens['bureau-edu'] },
    );
    expect(listed.body.users.find((u) => u.username === 'edu-clerk')?.disabledAt).toBeTruthy();
    expect(
      await store.db
        .collection('user_changes')
        .find({ username: 'edu-clerk' }, { projection: { _id: 0, action: 1, 'by.username': 1 } })
        .toArray(),
    ).toEqual([
      { action: 'user-created', by: { username: 'bureau-edu' } },
      { action: 'user-disabled', by: { username: 'bureau-edu' } },
    ]);
  });

  it('督办 lifecycle: 督查室 urges, the unit answers; its 督办员 gives the step to a handling person; 转办 to the right unit with the deadline kept; the scorecard counts the urge', async () => {
    // One with co-operating units and a single date: the red one without any is the extension test's.
    const item = (
      await items()
        .find(gazette({ leadUnits: ['edu'], state: 'assigned' }))
        .toArray()
    ).find((i) => i.cooperatingUnits.length > 0 && !i.milestones?.length);
    expect(item).toBeDefined();
    const id = item!.itemId;
    const deadline = item!.deadline;

    // 催办 without a reply day: the setting's 3 working days set it; the unit sees 催 in its inbox.
    const urged = await act('inspector', id, 'urge', { message: '请于三个工作日内反馈进展' });
    expect(urged.status, JSON.stringify(urged.body)).toBe(200);
    const urge = urged.body.item?.urges?.[0];
    expect(urge).toMatchObject({ unitCode: 'edu', answeredAt: null });
    expect(urge!.replyBy > new Date().toISOString().slice(0, 10)).toBe(true);
    const inboxEntry = async (user: string) =>
      (
        await api<{ items: { itemId: string; openUrges?: number; mine?: boolean }[] }>(http(), '/api/inbox', {
          token: tokens[user],
        })
      ).body.items.find((i) => i.itemId === id);
    expect(
      (
        await eventually(
          () => inboxEntry('bureau-edu'),
          (e) => e?.openUrges === 1,
        )
      )?.openUrges,
    ).toBe(1);
    expect(
      (await act('bureau-edu', id, 'answer-urge', { urge: 1, text: '已部署，本周内报送方案' })).status,
    ).toBe(200);

    // 承办人: a user of 教育局 made by the administrator; 教育局 gives the item's step to them.
    const made = await api(http(), '/api/users', {
      token: tokens.admin,
      body: {
        username: 'edu-handler',
        name: '张承办',
        role: 'bureau',
        unitCode: 'edu',
        password: 'duban-handler-2019',
      },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    tokens['edu-handler'] = await login(http(), 'edu-handler', 'duban-handler-2019');
    // Only the unit's 督办员 names the 承办人: an ordinary user of 教育局 is refused, told why.
    const byClerk = await act('edu-handler', id, 'assign-handler', { handler: 'edu-handler' });
    expect(byClerk.status).toBe(403);
    expect(byClerk.body.detail).toMatch(/督办员/);
    const refusedHandler = await act('bureau-edu', id, 'assign-handler', { handler: 'bureau-fin' });
    expect(refusedHandler.status).toBe(400);
    expect(refusedHandler.body.errors?.[0]?.field).toBe('body.handler');
    expect((await act('bureau-edu', id, 'assign-handler', { handler: 'edu-handler' })).status).toBe(200);
    expect(
      (
        await eventually(
          () => inboxEntry('edu-handler'),
          (e) => e?.mine === true,
        )
      )?.mine,
    ).toBe(true);

    // 转办: 教育局 cannot drop it; it asks, and 督查室 moves it to a unit not yet on it, keeping the deadline.
    const to = ['fin', 'ndrc', 'hous', 'natres', 'civil'].find((u) => !item!.cooperatingUnits.includes(u))!;
    tokens[`bureau-${to}`] ??= await login(http(), `bureau-${to}`, 'duban-bureau-2019');
    expect(
      (await act('bureau-edu', id, 'request-handback', { reason: '此项不属本单位职责，应由他单位牵头' }))
        .status,
    ).toBe(200);
    const moved = await act('inspector', id, 'reassign', {
      toUnit: to,
      deadline: 'keep',
      opinion: '改由该单位牵头办理',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.item).toMatchObject({ leadUnits: [to], deadline });
    await eventually(
      () => inboxEntry(`bureau-${to}`),
      (e) => e !== undefined,
    );
    expect(
      await eventually(
        () => inboxEntry('bureau-edu'),
        (e) => e === undefined,
      ),
    ).toBeUndefined();

    const detail = await eventually(
      () => api<{ timeline: TimelineDoc[] }>(http(), `/api/items/${id}`, { token: tokens.leader }),
      (r) => r.body.timeline?.some((t) => t.fact === 'handback_decided'),
    );
    const facts = detail.body.timeline.map((t) => t.fact);
    for (const fact of [
      'urge_issued',
      'urge_answered',
      'handler_assigned',
      'handback_requested',
      'handback_decided',
    ])
      expect(facts).toContain(fact);

    // The year's scorecard: 教育局 received the urge and answered it in time.
    const year = new Date().toISOString().slice(0, 4);
    const card = await eventually(
      () =>
        api<{ units: { unitCode: string; urgesReceived: number; urgesAnsweredLate: number }[] }>(
          http(),
          `/api/scorecard/${year}`,
          { token: tokens.inspector },
        ),
      (r) => (r.body.units ?? []).some((u) => u.unitCode === 'edu' && u.urgesReceived >= 1),
    );
    const edu = card.body.units.find((u) => u.unitCode === 'edu')!;
    expect(edu).toMatchObject({ urgesAnsweredLate: 0 });

    // The same figures in the xlsx for the year-end meeting: 教育局's row, by the sheet's own headers.
    const sheetRes = await fetch(`${system.gateway.url}/api/scorecard/${year}/xlsx`, {
      headers: { authorization: `Bearer ${tokens.inspector}` },
    });
    expect(sheetRes.status).toBe(200);
    expect(sheetRes.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await sheetRes.arrayBuffer());
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(3).values as unknown[]).map(String);
    const eduRow = sheet
      .getRows(4, sheet.rowCount - 3)!
      .find((row) => String(row.getCell(headers.indexOf('单位')).value).endsWith('教育局'));
    expect(eduRow, 'a row for 教育局 in the scorecard xlsx').toBeDefined();
    expect(eduRow!.getCell(headers.indexOf('收到催办')).value).toBe(edu.urgesReceived);
    expect(eduRow!.getCell(headers.indexOf('逾期反馈')).value).toBe(0);
  });

  it('refusals for the wrong unit, role, state or body change neither the workflow, the read models nor the stream', async () => {
    const item = (
      await items()
        .find(gazette({ leadUnits: ['edu'], state: 'assigned' }))
        .toArray()
    ).find((i) => !i.cooperatingUnits.includes('fin'));
    const id = item!.itemId;
    const before = await snapshot(id);

    const cases: [string, string, unknown, number, RegExp | null][] = [
      ['bureau-fin', 'sign', {}, 403, null],
      ['bureau-edu', 'close', { opinion: '自行销号' }, 403, null],
      ['leader', 'sign', {}, 403, null],
      ['inspector', 'review', {}, 409, /复核/],
      ['bureau-edu', 'request-extension', { newDeadline: 'soon', reason: '资料不全' }, 400, null],
      ['bureau-edu', 'progress', { text: '' }, 400, null],
    ];
    for (const [user, action, body, status, detail] of cases) {
      const res = await act(user, id, action, body);
      expect(res.status, `${user} ${action}`).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      if (detail) expect(res.body.detail).toMatch(detail);
    }
    const bad = await act('bureau-edu', id, 'request-extension', { newDeadline: 'soon', reason: '资料不全' });
    expect(bad.body.errors?.map((e) => e.field)).toContain('body.newDeadline');

    await new Promise((r) => setTimeout(r, 500));
    expect(await snapshot(id)).toEqual(before);
  });

  it('an extension approved for an overdue item brings it back from red, and the alert arrives live', async () => {
    const item = await items().findOne(
      gazette({ leadUnits: ['edu'], cooperatingUnits: [], state: 'assigned', colour: 'red' }),
    );
    const id = item!.itemId;
    const stream = await EventStreamReader.open(`${system.gateway.url}/api/alerts/stream`, {
      authorization: `Bearer ${tokens.inspector}`,
    });
    try {
      expect((await act('bureau-edu', id, 'sign', {})).status).toBe(200);
      expect(
        (
          await act('bureau-edu', id, 'request-extension', {
            newDeadline: '2027-06-30',
            reason: '原定期限已过，申请重新明确完成时限',
          })
        ).status,
      ).toBe(200);
      const decided = await act('inspector', id, 'decide-extension', {
        approve: true,
        opinion: '同意延期至2027年6月底',
      });
      expect(decided.status).toBe(200);
      expect(decided.body.item).toMatchObject({ deadline: '2027-06-30', colour: 'green' });
      expect(await stream.until(() => stream.alerts().some((a) => a.itemId === id), 20_000)).toBe(true);
      expect(stream.alerts().find((a) => a.itemId === id)?.audience).toBe('inspector');
    } finally {
      await stream.close();
    }
  });

  async function stepsOnBus(itemId: string): Promise<string[]> {
    const info = await bus.jsm.streams.info(EVENTS_STREAM);
    const facts: string[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const msg = await bus.jsm.streams.getMessage(EVENTS_STREAM, { seq }).catch(() => null);
      if (!msg) continue;
      const event = msg.json<{ subject: string; type: string }>();
      if (event.subject === itemId) facts.push(event.type.split('.').at(-2)!);
    }
    return facts;
  }

  it('a retried action (same x-request-id) acts once and answers the same; a refusal is one problem shape', async () => {
    const item = await items().findOne(gazette({ leadUnits: ['edu'], state: 'assigned' }));
    const id = item!.itemId;
    const sign = () =>
      api<{ item: { version: number; state: string } }>(http(), `/api/items/${id}/actions/sign`, {
        token: tokens['bureau-edu'],
        body: {},
        headers: { 'x-request-id': `retry-sign-${id}` },
      });
    await sentTwice(sign, 200);
    await eventually(
      () => timeline().countDocuments({ itemId: id, fact: 'item_signed' }),
      (n) => n >= 1,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await timeline().countDocuments({ itemId: id, fact: 'item_signed' })).toBe(1);

    const refused = await api(http(), `/api/items/${id}/actions/review`, {
      token: tokens.inspector,
      body: {},
      headers: { 'x-request-id': 'refused-review' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual(conflictProblem(`/api/items/${id}/actions/review`, 'refused-review'));
  });

  async function snapshot(itemId: string) {
    return {
      item: await items().findOne({ _id: itemId }),
      timeline: await timeline().countDocuments({ itemId }),
      factsOnBus: await stepsOnBus(itemId),
    };
  }
});
