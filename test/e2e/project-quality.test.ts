import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSystem } from '@duban/system';
import type { DubanConfig } from '@duban/config';
import { EVENTS_STREAM, connectBus } from '@duban/bus';
import { rebuildReadModels, waitUntilCaughtUp } from '@duban/process';
import { connectStore } from '@duban/store';
import { PqCollections } from '../../services/project-quality/src/collections';
import { projectQualityReadModel } from '../../services/project-quality/src/service';
import { api, login } from '../../services/gateway/src/testing/harness';
import { eventually } from '../support/engines';
import { sharedWholeStack, startWithoutGazette } from '../support/whole-system';

// Issue 18 end to end (青政办发〔2019〕40号): 发改局 imports the 销号台账 and opens the units' 2019
// reporting years; 教育局 and 住建局 each report with their own login; 发改局's monthly notice shows
// the rates and a missed report; 住建局, last on 投资完成率 in 2019Q2 and 2019Q3, is listed for a talk:
// an alert to the leadership group and an item in 督查室's queue. The 2019 year is entered now, so
// every report day is past (red at once, filed late), as DESIGN §5 says.
const SLOW = { timeoutMs: 30_000 };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEAD = [
  '项目编号',
  '项目名称',
  '项目级别',
  '责任单位',
  '责任领导',
  '工作专班',
  '具体责任人',
  '计划总投资（万元）',
  '年度计划投资（万元）',
  '计划开工日期',
  '计划竣工日期',
];

describe('project quality year over the running system (发改局, 教育局, 住建局)', () => {
  let system: RunningSystem;
  let config: DubanConfig;
  const run = Date.now().toString(36).toUpperCase();
  const tokens: Record<string, string> = {};
  const http = () => ({ url: system.gateway.url });
  const as = <T = Record<string, unknown>>(who: string, path: string, body?: unknown, method?: string) =>
    api<T>(http(), path, {
      token: tokens[who],
      ...(body !== undefined ? { body } : {}),
      ...(method ? { method } : {}),
    });
  const report = (who: string, month: number, projectId: string, done: number) =>
    as(who, `/api/project-quality/units/${who}/years/2019/actions/report`, {
      month,
      work: `${month}月项目推进情况`,
      progress: [{ projectId, investmentDoneWan: done, started: true, problems: '' }],
    });

  beforeAll(async () => {
    config = sharedWholeStack();
    system = await startWithoutGazette(config, ['ndrc', 'edu', 'hous', 'gov-inspection', 'stats']);
    tokens.leader = await login(http(), 'leader', 'duban-leader-2019');
    for (const unit of ['ndrc', 'edu', 'hous', 'gov-inspection', 'stats'])
      tokens[unit] = await login(http(), `bureau-${unit}`, 'duban-bureau-2019');
  });
  afterAll(async () => {
    await system?.close();
  });

  it('imports the ledger, takes the units’ reports, issues the monthly notice and lists the unit last two quarters for a talk', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('台账');
    ws.addRow(HEAD);
    ws.addRow([
      `E${run}`,
      '第五中学智慧学区建设',
      '吴忠市重点项目',
      '教育局',
      '分管副市长',
      '教育项目专班',
      '马某',
      20000,
      10000,
      '2019-03-01',
      '2019-12-31',
    ]);
    ws.addRow([
      `H${run}`,
      '城市小微公园建设',
      '自治区级重点项目',
      '住房和城乡建设局',
      '分管副市长',
      '住建项目专班',
      '王某',
      20000,
      10000,
      '2019-03-01',
      '2019-12-31',
    ]);
    ws.addRow([
      `X${run}`,
      '无单位项目',
      '县级',
      '火星局',
      '某',
      '某',
      '某',
      1,
      1,
      '2019-03-01',
      '2019-12-31',
    ]);
    const upload = await fetch(`${system.gateway.url}/api/project-quality/projects/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.ndrc}`, 'content-type': XLSX },
      body: new Uint8Array(await book.xlsx.writeBuffer()),
    });
    const imported = (await upload.json()) as {
      imported: number;
      rows: { row: number; ok: boolean; problems?: { field: string }[] }[];
    };
    expect(imported.imported).toBe(2);
    expect(imported.rows[2]).toMatchObject({ row: 4, ok: false });
    expect(imported.rows[2]!.problems!.map((p) => p.field)).toEqual(['项目级别', '责任单位']);

    expect((await as('edu', '/api/project-quality/years/2019/open', { fromMonth: 5 })).status).toBe(403);
    const opened = await as<{ unitCode: string }[]>('ndrc', '/api/project-quality/years/2019/open', {
      fromMonth: 5,
    });
    expect(opened.body.map((u) => u.unitCode).sort()).toEqual(['edu', 'hous']);

    // 四(二): both were due to start by the end of March, so both are on May's weekly dispatch.
    const dispatch = await as<{ week: string; projects: { projectId: string }[] }>(
      'edu',
      '/api/project-quality/dispatch/2019-05-29',
    );
    expect(dispatch.body.week).toBe('2019-05-27');
    expect(dispatch.body.projects.map((p) => p.projectId).sort()).toEqual([`E${run}`, `H${run}`]);

    // Each unit reports its own year only (四(三) 本单位).
    expect(
      (
        await as('hous', '/api/project-quality/units/edu/years/2019/actions/report', {
          month: 6,
          work: 'x',
          progress: [],
        })
      ).status,
    ).toBe(409);
    for (const [month, edu, hous] of [
      [6, 6000, 1000],
      [9, 9000, 2000],
    ] as const) {
      expect((await report('edu', month, `E${run}`, edu)).status).toBe(200);
      expect((await report('hous', month, `H${run}`, hous)).status).toBe(200);
    }

    // 我的待办: each unit sees the months it owes; May, never reported, is red there (and raised).
    type Inbox = { items: { itemId: string; step: string; colour: string }[] };
    // The reports filed take June and September out (the projection may lag the answer).
    const owed = (r: { body: Inbox }) => r.body.items.filter((i) => i.itemId === 'edu-2019');
    await eventually(
      () => as<Inbox>('edu', '/api/inbox'),
      (r) =>
        owed(r).some((i) => i.step === 'report-5' && i.colour === 'red') &&
        !owed(r).some((i) => i.step === 'report-6' || i.step === 'report-9'),
      SLOW,
    );
    await eventually(
      () => as<{ alerts: { itemId: string; colour: string }[] }>('leader', '/api/alerts?pageSize=200'),
      (r) => r.body.alerts.some((a) => a.itemId === 'edu-2019' && a.colour === 'red'),
      SLOW,
    );

    type Notice = { units: { unitCode: string; completionRate: number; report: string }[] };
    const notice = await eventually(
      () => as<Notice>('ndrc', '/api/project-quality/notices/2019/6'),
      (r) => r.body.units.filter((u) => u.report === 'late').length === 2,
      SLOW,
    );
    expect(notice.body.units.find((u) => u.unitCode === 'edu')).toMatchObject({
      completionRate: 0.6,
      report: 'late',
    });
    const may = await as<Notice>('ndrc', '/api/project-quality/notices/2019/5');
    expect(may.body.units.map((u) => u.report)).toEqual(['missing', 'missing']);
    const sheet = await fetch(`${system.gateway.url}/api/project-quality/notices/2019/6/notice.xlsx`, {
      headers: { authorization: `Bearer ${tokens.edu}` },
    });
    expect(sheet.headers.get('content-type')).toContain(XLSX);

    type Ranking = {
      completion: { unitCode: string; rank: number; last: boolean }[];
      talks: { unitCode: string; figures: string }[];
    };
    const ranking = await as<Ranking>('edu', '/api/project-quality/rankings/2019Q3');
    expect(ranking.body.completion.map((r) => [r.unitCode, r.rank, r.last])).toEqual([
      ['edu', 1, false],
      ['hous', 2, true],
    ]);
    expect((await as('edu', '/api/project-quality/talks/2019Q3', undefined, 'POST')).status).toBe(403);
    const talks = await as<{ unitCode: string; figures: string }[]>(
      'ndrc',
      '/api/project-quality/talks/2019Q3',
      undefined,
      'POST',
    );
    expect(talks.body).toEqual([
      expect.objectContaining({ unitCode: 'hous', figures: '投资完成率 2019Q2 10.0%、2019Q3 20.0%' }),
    ]);

    await eventually(
      () => as<{ alerts: { itemId: string; kind: string; colour: string }[] }>('leader', '/api/alerts'),
      (r) => r.body.alerts.some((a) => a.itemId === 'hous-2019' && a.kind === 'accountability_escalated'),
      SLOW,
    );
    await eventually(
      () => as<{ items: { itemId: string; step: string }[] }>('gov-inspection', '/api/inbox'),
      (r) => r.body.items.some((i) => i.itemId === 'hous-2019Q3' && i.step === 'talk'),
      SLOW,
    );
  });

  it('统计局 reports the investment growth and 一(一)’s target shows against it', async () => {
    const path = '/api/project-quality/targets/2019/growth';
    const figure = { value: 3.2, asOf: '2019-05-31', source: '统计局1—5月固定资产投资快报' };
    expect((await as('ndrc', path, figure)).status).toBe(403);
    type Target = { key: string; value: number | null; met: boolean | null };
    const after = await as<Target[]>('stats', path, figure);
    expect(after.body.find((t) => t.key === 'growth')).toMatchObject({ value: 3.2, met: true });
    // An earlier period does not replace a later one; a later one does.
    await as('stats', path, { ...figure, value: -1, asOf: '2019-04-30' });
    const later = await as<Target[]>('stats', path, { ...figure, value: 0, asOf: '2019-06-30' });
    expect(later.body.find((t) => t.key === 'growth')).toMatchObject({ value: 0, met: false });
  });

  // The ledger and 统计局's figure are facts: a rebuild of the read models from the stream (into a
  // database of its own, beside the live one) gives the same ledger, figure and units' years.
  it('edits a line, closes a project out and records the growth as facts a rebuild restores', async () => {
    const edit = (who: string, id: string, body: unknown) =>
      as<Record<string, unknown>>(who, `/api/project-quality/projects/${id}/edit`, body);
    // Bad input names the field and changes nothing.
    const bad = await edit('ndrc', `E${run}`, { yearTargetWan: -1 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.yearTargetWan');
    const reversed = await edit('ndrc', `E${run}`, { plannedCompletion: '2019-01-01' });
    expect(reversed.status).toBe(400);
    expect(JSON.stringify(reversed.body)).toContain('计划竣工日期不能早于计划开工日期');
    expect((await edit('edu', `E${run}`, { leader: '某' })).status).toBe(403);
    const noSource = await as('stats', '/api/project-quality/targets/2019/growth', {
      value: 1,
      asOf: '2019-07-31',
    });
    expect(JSON.stringify(noSource.body)).toContain('body.source');
    type Line = { projectId: string; yearTargetWan: number; leader: string; closedOn?: string };
    const line = async (id: string) =>
      (await as<Line[]>('edu', '/api/project-quality/projects')).body.find((p) => p.projectId === id)!;
    expect(await line(`E${run}`)).toMatchObject({ yearTargetWan: 10000, leader: '分管副市长' });

    // 教育局 did 9000 of 10000 by September: not done, so no 销号 until the target is revised to 9000.
    expect(
      (await as('ndrc', `/api/project-quality/projects/E${run}/close`, { on: '2019-10-10' })).status,
    ).toBe(409);
    const edited = await edit('ndrc', `E${run}`, { yearTargetWan: 9000, leader: '常务副市长' });
    expect(edited.body).toMatchObject({ yearTargetWan: 9000, leader: '常务副市长' });
    expect(await line(`E${run}`)).toMatchObject({ yearTargetWan: 9000, leader: '常务副市长' });
    const closed = await as('ndrc', `/api/project-quality/projects/E${run}/close`, { on: '2019-10-10' });
    expect(closed.body).toMatchObject({ closedOn: '2019-10-10' });
    expect(await line(`E${run}`)).toMatchObject({ closedOn: '2019-10-10' });
    const growth = await as<{ key: string; value: number }[]>(
      'stats',
      '/api/project-quality/targets/2019/growth',
      { value: 1.5, asOf: '2019-07-31', source: '统计局1—7月固定资产投资快报' },
    );
    expect(growth.body.find((t) => t.key === 'growth')).toMatchObject({ value: 1.5 });

    const bus = await connectBus(config.nats.url, { name: `pq-rebuild-${run}` });
    const live = await connectStore(config.mongo.uri, config.mongo.db);
    const rebuilt = await connectStore(config.mongo.uri, `${config.mongo.db}_pq_rebuild_${run}`);
    const durablePrefix = `pq-rebuild-${run}-`;
    try {
      // The live projection has taken every fact so far (the units' years' facts too).
      for (const durable of projectQualityReadModel.durables()) await waitUntilCaughtUp(bus, durable);
      const [done] = await rebuildReadModels([projectQualityReadModel], {
        bus,
        db: rebuilt.db,
        durablePrefix,
        timeoutMs: 60_000,
      });
      for (const consumer of done!.consumers) await consumer.stop();
      for (const name of [PqCollections.projects, PqCollections.figures, PqCollections.unitYears]) {
        const all = (db: typeof live.db) => db.collection(name).find({}).sort({ _id: 1 }).toArray();
        expect(await all(rebuilt.db), name).toEqual(await all(live.db));
      }
      const mine = await rebuilt.db
        .collection(PqCollections.projects)
        .find({ _id: { $in: [`E${run}`, `H${run}`] as never[] } })
        .toArray();
      expect(mine.map((p) => [p._id, p.closedOn ?? null, p.updatedBy])).toEqual([
        [`E${run}`, '2019-10-10', 'bureau-ndrc'],
        [`H${run}`, null, 'bureau-ndrc'],
      ]);
      expect(
        await rebuilt.db.collection(PqCollections.figures).findOne({ _id: 'growth|2019' as never }),
      ).toMatchObject({ value: 1.5, asOf: '2019-07-31', reportedBy: 'bureau-stats' });
    } finally {
      for (const durable of projectQualityReadModel.durables(durablePrefix))
        await bus.jsm.consumers.delete(EVENTS_STREAM, durable).catch(() => undefined);
      await rebuilt.db.dropDatabase();
      await rebuilt.close();
      await live.close();
      await bus.close();
    }
  });

  it('tracks the indicators of the imported gazette; a unit reports a value and it shows met or missed', async () => {
    const text = readFileSync(
      new URL('../../data/gazette/qingtongxia-gazette-2019-02.md', import.meta.url),
      'utf8',
    );
    const res = await fetch(`${system.gateway.url}/api/project-quality/indicators/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.ndrc}`, 'content-type': 'text/markdown' },
      body: text,
    });
    expect(((await res.json()) as { indicators: number }).indicators).toBeGreaterThan(100);
    type Indicator = { id: string; name: string; unitCode: string; met: boolean | null; target: number };
    const list = await as<Indicator[]>('hous', '/api/project-quality/indicators?unit=hous&year=2020');
    const towns = list.body.find((i) => i.name === '建设美丽乡镇')!;
    expect(towns.target).toBe(10);
    const path = `/api/project-quality/indicators/${encodeURIComponent(towns.id)}/reports`;
    expect((await as('edu', path, { value: 10, source: '住建局年报' })).status).toBe(409);
    const reported = await as<Indicator>('hous', path, { value: 9, source: '2020年住建局统计年报' });
    expect(reported.body).toMatchObject({ met: false });
    // The leadership cockpit shows it missed, beside the units' ranking and the projects at risk.
    type Cockpit = {
      ranking: { unitCode: string }[];
      projectsAtRisk: { projectId: string }[];
      indicatorsMissed: { id: string; value: number | null }[];
    };
    // The value is a fact of 住建局's 2020 indicators; its projection may lag the answer.
    const cockpit = await eventually(
      () => as<Cockpit>('leader', '/api/project-quality/cockpit'),
      (r) => r.body.indicatorsMissed.some((i) => i.id === towns.id && i.value === 9),
      SLOW,
    );
    expect(Array.isArray(cockpit.body.ranking) && Array.isArray(cockpit.body.projectsAtRisk)).toBe(true);
    expect(
      (await as<Indicator>('hous', path, { value: 10, source: '2020年住建局统计年报（更正）' })).body,
    ).toMatchObject({ met: true });
  });
});
