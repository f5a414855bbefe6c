import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { pino } from 'pino';
import { connectBus, ensureStreams, type Bus } from '@duban/bus';
import { createSupervisionWorker } from '@duban/workflow-supervision';
import { itemIdOf, itemSnapshotQuery } from '@duban/workflow-supervision/client';
import { parseGazette, type ParsedGazette } from '@duban/gazette';
import { errorHandler, mountRoutes, registerRoutes, type Principal, type RouteAuth } from '@duban/http';
import { connectStore, type Store } from '@duban/store';
import { createUnit } from '@duban/units/store';
import {
  CatalogCollections,
  catalogRoutes,
  importCatalog,
  startSupervisionItems,
  supervisionCandidates,
  type CatalogTaskDoc,
  type CatalogTaskVersionDoc,
  IMPORT_BODY_LIMIT,
  IMPORT_DRAFTS,
  MAX_NOTICE_BYTES,
  parseNoticeForOffice,
  REMOVED_REASON,
  type ImportRouteOptions,
} from './index';
import { latestDeadline } from './import';

const FILE = 'qingtongxia-gazette-2019-02.md';
const gazettePath = path.resolve(import.meta.dirname, '../../../data/gazette', FILE);
const text = fs.readFileSync(gazettePath, 'utf8');
const parsed = parseGazette(text);
const allTasks = parsed.documents.flatMap((d) => d.tasks.map((t) => ({ d, t })));

const KINDERGARTEN = itemIdOf('青政办发〔2019〕31号', '三.(三)');

// The gateway signs users in (its own tests cover 401s); here every request reads as signed in.
const reader: Principal = { username: 'reader', name: '读者', role: 'leader', unitCode: null };
const signedIn: RouteAuth = {
  authenticate: () => (_req, _res, next) => next(),
  principalOf: () => reader,
};

describe('catalog over the real engines', () => {
  let store: Store;

  beforeAll(async () => {
    const stack = inject('stack');
    store = await connectStore(stack.mongoUri, `${stack.mongoDb}_catalog`);
    await store.db.dropDatabase();
  });

  afterAll(async () => {
    await store?.db.dropDatabase();
    await store?.close();
  });

  const count = (name: string) => store.db.collection(name).countDocuments({});
  const snapshot = async () => ({
    documents: await store.db.collection(CatalogCollections.documents).find({}).sort({ _id: 1 }).toArray(),
    tasks: await store.db.collection(CatalogCollections.tasks).find({}).sort({ _id: 1 }).toArray(),
    articles: await store.db.collection(CatalogCollections.articles).find({}).sort({ _id: 1 }).toArray(),
    versions: await count(CatalogCollections.taskVersions),
  });

  describe('importCatalog', () => {
    it('imports the gazette once: nine documents, every task and article, with provenance', async () => {
      const summary = await importCatalog(store.db, parsed, {
        source: gazettePath,
        sourceText: text,
        importedBy: 'test',
      });
      expect(summary.source).toBe(FILE);
      expect(summary.totals.documents).toEqual({ total: 9, new: 9, changed: 0, unchanged: 0 });
      expect(summary.totals.tasks).toEqual({ total: 76, new: 76, changed: 0, unchanged: 0 });
      expect(summary.totals.articles.new).toBe(summary.totals.articles.total);
      expect(summary.noLeadUnit).toEqual([
        {
          itemId: 'qzbf-2019-39.6.p5',
          docNo: '青政办发〔2019〕39号',
          ref: '六.(五)',
          title: '人员派遣(2019年6月上旬)',
        },
      ]);
      const perDoc = Object.fromEntries(summary.documents.map((d) => [d.docNo, d.tasks.total]));
      expect(perDoc).toMatchObject({
        '青党办〔2019〕65号': 27,
        '青政办发〔2019〕30号': 13,
        '青政办发〔2019〕40号': 9,
        // 三(九): six bureaus, each its own paragraph of duties, are six items (issue 14, point 6).
        '青政办发〔2019〕28号': 15,
      });

      // 28号 三(九): 财政局's paragraph is its own item, citing the clause and its line, undated.
      const funds = await store.db
        .collection<CatalogTaskDoc>(CatalogCollections.tasks)
        .findOne({ _id: 'qzbf-2019-28.3.p9.3' });
      expect(funds).toMatchObject({
        ref: '三.(九).3',
        docNo: '青政办发〔2019〕28号',
        lead: [{ code: 'fin', name: '青铜峡市财政局' }],
        deadline: null,
        source: { file: FILE, lines: { from: 641, to: 641 } },
      });
      expect(funds!.text).toContain('涉土资金');

      expect(await count(CatalogCollections.documents)).toBe(9);
      expect(await count(CatalogCollections.tasks)).toBe(76);
      expect(await count(CatalogCollections.articles)).toBe(summary.totals.articles.total);
      expect(await count(CatalogCollections.taskVersions)).toBe(0);

      const task = await store.db
        .collection<CatalogTaskDoc>(CatalogCollections.tasks)
        .findOne({ _id: KINDERGARTEN });
      expect(task).toMatchObject({
        docNo: '青政办发〔2019〕31号',
        ref: '三.(三)',
        kind: 'task',
        version: 1,
        deadline: '2020-12-31',
        unitCodes: ['hous', 'natres', 'edu', 'ndrc', 'fin'],
        source: { file: FILE, lines: { from: 869, to: 875 } },
        importedBy: 'test',
      });
      expect(task?.source.text).toEqual(text.split('\n').slice(868, 875));
      expect(task?.contentHash).toMatch(/^[0-9a-f]{64}$/);

      const edu = await store.db
        .collection(CatalogCollections.documents)
        .findOne({ docNo: '青政办发〔2019〕30号' });
      expect(edu?.annualTable).toHaveLength(
        parsed.documents.find((d) => d.docNo === '青政办发〔2019〕30号')!.annualTable!.length,
      );
      const rules = await store.db
        .collection(CatalogCollections.articles)
        .countDocuments({ docNo: '青政发〔2019〕34号' });
      expect(rules).toBe(51);
    });

    it('imports the same file again without changing anything', async () => {
      const before = await snapshot();
      // The second import reads the file itself (no sourceText): same provenance, same hashes.
      const summary = await importCatalog(store.db, parsed, {
        source: gazettePath,
        importedBy: 'someone-else',
      });
      expect(summary.totals.documents).toEqual({ total: 9, new: 0, changed: 0, unchanged: 9 });
      expect(summary.totals.tasks).toEqual({ total: 76, new: 0, changed: 0, unchanged: 76 });
      expect(summary.totals.articles.unchanged).toBe(summary.totals.articles.total);
      for (const d of summary.documents) {
        expect(d.tasks.relocated).toBe(0);
        expect(d.missingRefs).toEqual([]);
      }
      const after = await snapshot();
      expect(after).toEqual(before); // importedAt, importedBy, versions: all untouched
    });

    it('stores a changed task text as version 2 and keeps version 1', async () => {
      const changed: ParsedGazette = structuredClone(parsed);
      const doc = changed.documents.find((d) => d.docNo === '青政办发〔2019〕31号')!;
      const task = doc.tasks.find((t) => t.ref === '三.(三)')!;
      const originalText = task.text;
      task.text = `${task.text}各单位每季度报送一次进展。`;

      const tasks = store.db.collection<CatalogTaskDoc>(CatalogCollections.tasks);
      const v1 = await tasks.findOne({ _id: KINDERGARTEN });
      const later = new Date(Date.now() + 60_000);
      const summary = await importCatalog(store.db, changed, { source: FILE, sourceText: text, now: later });
      expect(summary.totals.tasks).toEqual({ total: 76, new: 0, changed: 1, unchanged: 75 });
      expect(summary.documents.find((d) => d.docNo === '青政办发〔2019〕31号')?.changedRefs).toEqual([
        '三.(三)',
      ]);

      const v2 = await tasks.findOne({ _id: KINDERGARTEN });
      expect(v2).toMatchObject({
        version: 2,
        text: task.text,
        importedAt: later,
        firstImportedAt: v1!.importedAt,
      });
      expect(v2!.contentHash).not.toBe(v1!.contentHash);
      const kept = await store.db
        .collection<CatalogTaskVersionDoc>(CatalogCollections.taskVersions)
        .find({ itemId: KINDERGARTEN })
        .toArray();
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatchObject({
        _id: `${KINDERGARTEN}@1`,
        version: 1,
        text: originalText,
        supersededAt: later,
      });
      expect(kept[0]!.contentHash).toBe(v1!.contentHash);
      expect(await count(CatalogCollections.tasks)).toBe(76);

      // The changed file once more: nothing new.
      const again = await importCatalog(store.db, changed, { source: FILE, sourceText: text });
      expect(again.totals.tasks.unchanged).toBe(76);
      expect(await count(CatalogCollections.taskVersions)).toBe(1);
    });

    it('refuses a parse that does not fit the text, writing nothing', async () => {
      const before = await snapshot();
      const broken: ParsedGazette = structuredClone(parsed);
      broken.documents[8]!.tasks[0]!.sourceLines = { from: 5000, to: 5001 };
      await expect(importCatalog(store.db, broken, { source: FILE, sourceText: text })).rejects.toThrow(
        /not in the file/,
      );
      const bad = { ...parsed, documents: [{ ...parsed.documents[0]!, docNo: '' }] } as ParsedGazette;
      await expect(importCatalog(store.db, bad, { source: FILE, sourceText: text })).rejects.toThrow(
        /does not validate/,
      );
      await expect(importCatalog(store.db, parsed, { source: '/nonexistent/gazette.md' })).rejects.toThrow(
        /nonexistent\/gazette\.md/,
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('read API', () => {
    let base: string;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const app = express();
      const api = express.Router();
      mountRoutes(api, catalogRoutes({ db: store.db }), signedIn);
      app.use('/api', api);
      app.use(errorHandler());
      const server = app.listen(0);
      await new Promise<void>((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/catalog`;
      close = () => new Promise((resolve) => server.close(() => resolve()));
    });

    afterAll(async () => {
      await close?.();
    });

    async function get(pathAndQuery: string) {
      const res = await fetch(base + pathAndQuery);
      return {
        status: res.status,
        type: res.headers.get('content-type') ?? '',
        body: (await res.json()) as never,
      };
    }

    type TaskList = {
      tasks: {
        id: string;
        lead: { code: string }[];
        cooperating: { code: string }[];
        deadline: string | null;
      }[];
      total: number;
    };

    it('lists the nine documents in gazette order', async () => {
      const { status, body } = await get('/documents');
      const list = body as { documents: { docNo: string; counts: { tasks: number } }[]; total: number };
      expect(status).toBe(200);
      expect(list.total).toBe(9);
      expect(list.documents.map((d) => d.docNo)).toEqual(parsed.documents.map((d) => d.docNo));
      expect(list.documents[0]!.counts.tasks).toBe(27);

      const one = await get(`/documents/${encodeURIComponent('青政办发〔2019〕30号')}`);
      expect(one.status).toBe(200);
      expect((one.body as { id: string; annualTable: unknown[] }).id).toBe('qzbf-2019-30');
      expect((one.body as { annualTable: unknown[] }).annualTable.length).toBeGreaterThan(0);

      // 青政办发〔2019〕34号's heading misprints 引客入青 as 引客人青: mended in the title, kept as printed.
      const tourism = await store.db
        .collection(CatalogCollections.documents)
        .findOne({ docNo: '青政办发〔2019〕34号' });
      expect(tourism).toMatchObject({
        title: expect.stringContaining('引客入青'),
        titleAsPrinted: expect.stringContaining('引客人青'),
      });
    });

    it('filters tasks by unit, lead or co-operating, by code or by name', async () => {
      const expected = allTasks.filter(({ t }) =>
        [...t.lead, ...t.cooperating].some((u) => u.code === 'edu'),
      ).length;
      const byCode = (await get('/tasks?unit=edu&pageSize=200')).body as TaskList;
      expect(byCode.total).toBe(expected);
      expect(byCode.tasks).toHaveLength(expected);
      for (const t of byCode.tasks) expect([...t.lead, ...t.cooperating].map((u) => u.code)).toContain('edu');
      const byName = (await get(`/tasks?unit=${encodeURIComponent('市教育局')}&pageSize=200`))
        .body as TaskList;
      expect(byName.tasks.map((t) => t.id)).toEqual(byCode.tasks.map((t) => t.id));
    });

    it('filters tasks by deadline range (the latest deadline, both ends included), with other filters', async () => {
      const inRange = (d: string | null) => d !== null && d >= '2019-01-01' && d <= '2019-12-31';
      const expected = allTasks
        .filter(({ t }) => inRange(latestDeadline(t.deadlines)))
        .map(({ d, t }) => itemIdOf(d.docNo!, t.ref));
      const res = (await get('/tasks?dueAfter=2019-01-01&dueBefore=2019-12-31&pageSize=200'))
        .body as TaskList;
      expect(res.tasks.map((t) => t.id).sort()).toEqual([...expected].sort());
      expect(expected.length).toBeGreaterThan(0);
      for (const t of res.tasks) expect(inRange(t.deadline)).toBe(true);

      const civil = (await get('/tasks?dueBefore=2019-12-31&unit=civil')).body as TaskList;
      expect(civil.tasks.map((t) => t.id)).toEqual([
        'qzbf-2019-39.6.p1',
        'qzbf-2019-39.6.p2',
        'qzbf-2019-39.6.p3',
        'qzbf-2019-39.6.p4',
      ]);

      const kg = (await get(`/tasks?docNo=${encodeURIComponent('青政办发〔2019〕31号')}`)).body as TaskList;
      expect(kg.total).toBe(6);
      expect(((await get('/tasks?docNo=qzbf-2019-31')).body as TaskList).total).toBe(6);
      const withIndicators = allTasks.filter(({ t }) => t.indicators.length > 0).length;
      expect(((await get('/tasks?hasIndicators=true')).body as TaskList).total).toBe(withIndicators);
      expect(((await get('/tasks?kind=step')).body as TaskList).total).toBe(5);
    });

    it('pages through the tasks in gazette order', async () => {
      const page8 = (await get('/tasks?page=8&pageSize=10')).body as TaskList & {
        page: number;
        pageSize: number;
      };
      expect(page8).toMatchObject({ total: 76, page: 8, pageSize: 10 });
      expect(page8.tasks.map((t) => t.id)).toEqual(
        ['p4', 'p5', 'p6', 'p7', 'p8', 'p9'].map((p) => `qzbf-2019-40.2.${p}`),
      );
      const first = (await get('/tasks?pageSize=1')).body as TaskList;
      expect(first.tasks.map((t) => t.id)).toEqual(['qdb-2019-65.2.1']);
    });

    it('returns one task with its exact source lines and its version history', async () => {
      const { status, body } = await get(`/tasks/${KINDERGARTEN}`);
      const detail = body as {
        task: { id: string; version: number; lead: { code: string }[] };
        provenance: { file: string; lines: { from: number; to: number }; text: string[] };
        history: { version: number; supersededAt: string | null; text: string }[];
      };
      expect(status).toBe(200);
      expect(detail.task).toMatchObject({ id: KINDERGARTEN, version: 2, lead: [{ code: 'hous' }] });
      expect(detail.provenance).toEqual({
        file: FILE,
        lines: { from: 869, to: 875 },
        text: text.split('\n').slice(868, 875),
      });
      expect(detail.provenance.text[0]).toContain('(三)确保配套幼儿园如期移交');
      expect(detail.history.map((h) => h.version)).toEqual([1, 2]);
      expect(detail.history[0]!.supersededAt).not.toBeNull();
      expect(detail.history[1]!.supersededAt).toBeNull();
    });

    it('answers a bad query with a 400 problem naming the field, and an unknown id with a 404', async () => {
      const big = await get('/tasks?pageSize=1000');
      expect(big.status).toBe(400);
      expect(big.type).toMatch(/^application\/problem\+json/);
      const problem = big.body as { status: number; type: string; errors: { field: string }[] };
      expect(problem).toMatchObject({ status: 400, type: 'urn:duban:problem:invalid-request' });
      expect(problem.errors.map((e) => e.field)).toEqual(['query.pageSize']);

      const several = (await get('/tasks?dueBefore=2019-02-30&unit=nobody&kind=wish')).body as typeof problem;
      expect(several.errors.map((e) => e.field).sort()).toEqual([
        'query.dueBefore',
        'query.kind',
        'query.unit',
      ]);

      const missing = await get('/tasks/qzbf-2019-99.1');
      expect(missing.status).toBe(404);
      expect(missing.type).toMatch(/^application\/problem\+json/);
      expect((await get('/documents/qzbf-2019-99')).status).toBe(404);
    });

    it('describes its paths in an OpenAPI 3.1 document', () => {
      const registry = new OpenAPIRegistry();
      registerRoutes(registry, catalogRoutes({ db: store.db }));
      const doc = new OpenApiGeneratorV31(registry.definitions).generateDocument({
        openapi: '3.1.0',
        info: { title: 'catalog', version: '0' },
      });
      expect(Object.keys(doc.paths ?? {}).sort()).toEqual([
        '/api/catalog/documents',
        '/api/catalog/documents/{id}',
        '/api/catalog/tasks',
        '/api/catalog/tasks/{id}',
      ]);
      const params = doc.paths?.['/api/catalog/tasks']?.get?.parameters as { name: string }[];
      expect(params.map((p) => p.name)).toEqual(
        expect.arrayContaining([
          'docNo',
          'unit',
          'dueBefore',
          'dueAfter',
          'hasIndicators',
          'kind',
          'page',
          'pageSize',
        ]),
      );
    });
  });
});

describe('starting supervision items on the test stack (no worker)', () => {
  let connection: Connection;
  let client: Client;
  // Documents renumbered into 2099, so these ids never meet the real catalog's items in this stack.
  const documents = parsed.documents.map((d) => {
    const docNo = d.docNo!.replace('〔2019〕', '〔2099〕');
    return { ...d, docNo, key: docNo };
  });
  const candidates = supervisionCandidates(documents);
  const TASK_QUEUE = 'catalog-test';

  beforeAll(async () => {
    connection = await Connection.connect({ address: inject('stack').temporalAddress });
    client = new Client({ connection, namespace: 'default' });
  });

  afterAll(async () => {
    if (client) {
      for (const c of candidates) {
        const handle = client.workflow.getHandle(`supervision-${itemIdOf(c.document.docNo!, c.task.ref)}`);
        await handle.terminate('catalog test done').catch(() => undefined);
      }
    }
    await connection?.close();
  });

  it('starts one workflow per task, then finds them running; a closed item is never restarted', async () => {
    const first = await startSupervisionItems(client, candidates, { taskQueue: TASK_QUEUE });
    expect(first).toMatchObject({ started: 75, alreadyRunning: 0, alreadyClosed: 0, skipped: 1 });
    expect(first.skippedItems).toEqual([
      { itemId: 'qzbf-2099-39.6.p5', docNo: '青政办发〔2099〕39号', ref: '六.(五)', reason: 'no-lead-unit' },
    ]);

    const second = await startSupervisionItems(client, candidates, { taskQueue: TASK_QUEUE });
    expect(second).toMatchObject({ started: 0, alreadyRunning: 75, alreadyClosed: 0, skipped: 1 });

    const one = first.outcomes.find((o) => o.outcome === 'started')!;
    const described = await client.workflow.getHandle(one.workflowId).describe();
    expect(described).toMatchObject({ type: 'supervisionItemWorkflow', taskQueue: TASK_QUEUE });
    expect(described.status.name).toBe('RUNNING');

    await client.workflow.getHandle(one.workflowId).terminate('closed for the test');
    const third = await startSupervisionItems(client, candidates, { taskQueue: TASK_QUEUE });
    expect(third).toMatchObject({ started: 0, alreadyRunning: 74, alreadyClosed: 1, skipped: 1 });
  });
});

describe('importing notices through the API (preview, confirm, revised re-import)', () => {
  const TASK_QUEUE = 'catalog-import-test';
  const inspector: Principal = { username: 'duchashi', name: '督查室', role: 'inspector', unitCode: null };
  const asInspector: RouteAuth = {
    authenticate: () => (_req, _res, next) => next(),
    principalOf: () => inspector,
  };
  // The gazette parser needs a 文号; this parser drops it, as a notice without one parses (issue 13).
  const key = `无文号通知-${Date.now()}`;
  const withoutDocNo: ImportRouteOptions['parse'] = async (t, db) => {
    const p = await parseNoticeForOffice(t, db);
    return { ...p, documents: p.documents.map(({ docNo: _dropped, ...d }) => ({ ...d, key })) };
  };
  const lines = text.split('\n');
  const v1 = lines.slice(818, 921).join('\n');
  const v2 = v1
    .replace('2020年12月底前', '2021年6月底前') // 四.(二): a later deadline
    .replace(/\n\(一\)调查摸底[^\n]*\n/, '\n') // 四.(一): removed
    .replace(
      '\n#### 五、保障措施',
      '\n(三)督导检查。由市教育局牵头,对整改情况开展督导检查。\n\n#### 五、保障措施',
    ) // added
    .replace('**责任单位:**教育局', '**责任单位:**市幼教中心'); // 三.(四): an unknown lead unit

  let store: Store;
  let connection: Connection;
  let client: Client;
  let bus: Bus;
  let worker: Worker;
  let running: Promise<void>;
  let base: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const stack = inject('stack');
    store = await connectStore(stack.mongoUri, `${stack.mongoDb}_catalog_imports`);
    await store.db.dropDatabase();
    connection = await Connection.connect({ address: stack.temporalAddress });
    client = new Client({ connection, namespace: 'default' });
    bus = await connectBus(stack.natsUrl, { name: 'catalog-import-tests' });
    await ensureStreams(bus.jsm);
    const native = await NativeConnection.connect({ address: stack.temporalAddress });
    worker = await createSupervisionWorker({
      connection: native,
      namespace: 'default',
      js: bus.js,
      taskQueue: TASK_QUEUE,
    });
    running = worker.run();

    const app = express();
    const api = express.Router();
    api.use(express.json({ limit: IMPORT_BODY_LIMIT }));
    const ctx = {
      db: store.db,
      temporal: client,
      logger: pino({ level: 'silent' }),
      now: () => new Date(),
      actionTimeoutMs: 20_000,
      taskQueue: TASK_QUEUE,
    };
    mountRoutes(api, catalogRoutes(ctx, { parse: withoutDocNo }), asInspector);
    app.use('/api', api);
    app.use(errorHandler());
    const server = app.listen(0);
    await new Promise<void>((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/catalog/imports`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  }, 120_000);

  afterAll(async () => {
    await close?.();
    worker?.shutdown();
    await running;
    await bus?.close();
    await connection?.close();
    await store?.db.dropDatabase();
    await store?.close();
  });

  async function post(path: string, body: unknown, requestId = `req-${Math.random()}`) {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: (await res.json()) as never,
    };
  }
  type Preview = {
    id: string;
    documents: {
      docNo: string | null;
      key: string;
      tasks: { itemId: string; ref: string; change: string; lead: unknown[] }[];
    }[];
    diff: {
      added: { ref: string }[];
      changed: { ref: string; fields: string[] }[];
      removed: { ref: string; itemId: string }[];
      unchanged: number;
    };
    unknownUnits: { name: string | null; line: number | null }[];
    blocking: { ref: string; names: string[] }[];
  };
  type Result = {
    start: { started: number };
    items: string[];
    revisions: { itemId: string; change: string; outcome: string }[];
  };
  const snapshot = (itemId: string) =>
    client.workflow.getHandle(`supervision-${itemId}`).query(itemSnapshotQuery);
  const writes = async () => ({
    drafts: await store.db.collection(IMPORT_DRAFTS).countDocuments({}),
    tasks: await store.db.collection(CatalogCollections.tasks).countDocuments({}),
  });

  it('previews a notice without a 文号, writing nothing to the catalog, then confirms it once', async () => {
    const created = await post('', {
      fileName: 'notice.md',
      contentBase64: Buffer.from(v1).toString('base64'),
    });
    expect(created.status).toBe(201);
    const preview = created.body as Preview;
    expect(preview.documents).toHaveLength(1);
    expect(preview.documents[0]).toMatchObject({ docNo: null, key });
    expect(preview.documents[0]!.tasks.map((t) => t.ref)).toEqual([
      '三.(一)',
      '三.(二)',
      '三.(三)',
      '三.(四)',
      '四.(一)',
      '四.(二)',
    ]);
    expect(preview.diff).toMatchObject({ changed: [], removed: [], unchanged: 0 });
    expect(preview.diff.added).toHaveLength(6);
    expect(await writes()).toEqual({ drafts: 1, tasks: 0 });

    const again = await fetch(`${base}/${preview.id}`);
    expect(((await again.json()) as Preview).diff.added).toHaveLength(6);

    const first = await post(`/${preview.id}/confirm`, {}, 'confirm-v1');
    expect(first.status).toBe(200);
    const result = first.body as Result;
    expect(result.start.started).toBe(6);
    const itemId = preview.documents[0]!.tasks[0]!.itemId;
    expect(itemId).toMatch(/^n-[0-9a-f]{12}\.3\.p1$/);
    expect(await snapshot(itemId)).toMatchObject({
      docNo: '关于印发《青铜峡市城镇小区配套幼儿园治理工作方案》的通知',
      state: 'assigned',
    });
    // The same draft again (another request id): the same answer, nothing more.
    const second = await post(`/${preview.id}/confirm`, {}, 'confirm-v1-again');
    expect(second.body).toEqual(first.body);
    expect(await writes()).toEqual({ drafts: 1, tasks: 6 });
  });

  it('re-imports a revised version: one task added, one changed, one removed, no duplicates', async () => {
    const created = await post('', { text: v2, fileName: 'notice-v2.md' });
    expect(created.status).toBe(201);
    const preview = created.body as Preview;
    expect(preview.diff.added.map((t) => t.ref)).toEqual(['四.(三)']);
    expect(preview.diff.changed.map((t) => [t.ref, t.fields])).toEqual([
      ['三.(四)', ['lead']],
      ['四.(二)', ['text', 'deadline']],
    ]);
    expect(preview.diff.removed.map((t) => t.ref)).toEqual(['四.(一)']);
    expect(preview.unknownUnits.map((u) => u.name)).toContain('市幼教中心');
    expect(preview.blocking).toEqual([
      expect.objectContaining({ ref: '三.(四)', names: [expect.stringContaining('幼教中心')] }),
    ]);

    const refused = await post(`/${preview.id}/confirm`, {});
    expect(refused.status).toBe(409);
    expect(refused.type).toMatch(/^application\/problem\+json/);
    expect((refused.body as { detail: string }).detail).toContain('幼教中心');
    expect(await writes()).toEqual({ drafts: 2, tasks: 6 });

    // The administrator creates the unit the notice names (单位管理); the draft, read again with
    // the office's registry, has no unknown lead left, and the import completes without `proceed`.
    await createUnit(
      store.db,
      { code: 'kg-centre', name: '青铜峡市幼教中心', shortName: '幼教中心', kind: 'agency', aliases: [] },
      { username: 'admin', name: '系统管理员' },
      new Date(),
    );
    const again = (await (await fetch(`${base}/${preview.id}`)).json()) as Preview;
    expect(again.blocking).toEqual([]);
    expect(again.unknownUnits.map((u) => u.name)).not.toContain('市幼教中心');
    expect(again.documents[0]!.tasks.find((t) => t.ref === '三.(四)')!.lead).toEqual([
      expect.objectContaining({ code: 'kg-centre' }),
    ]);

    const confirmed = await post(`/${preview.id}/confirm`, {});
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const result = confirmed.body as Result;
    expect(result.start.started).toBe(1);
    const byRef = Object.fromEntries(preview.documents[0]!.tasks.map((t) => [t.ref, t.itemId]));
    const removedId = preview.diff.removed[0]!.itemId;
    expect(result.revisions).toEqual(
      expect.arrayContaining([
        { itemId: byRef['三.(四)'], change: 'revised', outcome: 'applied' },
        { itemId: byRef['四.(二)'], change: 'revised', outcome: 'applied' },
        { itemId: removedId, change: 'removed', outcome: 'applied' },
      ]),
    );
    expect(result.revisions).toHaveLength(3);
    expect(await writes()).toEqual({ drafts: 2, tasks: 7 }); // six, plus the added one; none twice
    expect(await snapshot(byRef['四.(二)']!)).toMatchObject({
      deadline: '2021-06-30',
      originalDeadline: '2020-12-31',
      revision: { catalogVersion: 2, removed: false },
    });
    // The revision carries the clause's dates: 2020年12月底 is now 2021年6月底, a milestone of its own
    // (keyed by the new date); the other three dates stand.
    expect((await snapshot(byRef['四.(二)']!)).milestones!.map((m) => [m.key, m.date, m.phrase])).toEqual([
      ['2019-06-30', '2019-06-30', '于2019年6月底前'],
      ['2019-09-30', '2019-09-30', '于2019年9月底前'],
      ['2019-11-30', '2019-11-30', '于2019年11月底前'],
      ['2021-06-30', '2021-06-30', '2021年6月底前'],
    ]);
    expect(await snapshot(removedId)).toMatchObject({ state: 'assigned', revision: { removed: true } });
    const tasks = store.db.collection<CatalogTaskDoc>(CatalogCollections.tasks);
    expect(await tasks.findOne({ _id: removedId })).toMatchObject({ removed: { reason: REMOVED_REASON } });
    expect(await tasks.findOne({ _id: byRef['四.(二)'] })).toMatchObject({
      version: 2,
      deadline: '2021-06-30',
    });
    expect(await store.db.collection(CatalogCollections.taskVersions).countDocuments({})).toBe(2);
  });

  it('refuses bad files with a clear problem and writes nothing', async () => {
    const before = await writes();
    const empty = await post('', { fileName: 'empty.md', contentBase64: '' });
    expect(empty).toMatchObject({ status: 400, body: { detail: expect.stringContaining('文件为空') } });
    const latin = await post('', {
      fileName: 'gbk.txt',
      contentBase64: Buffer.from([0xc7, 0xe0, 0xcd, 0xad, 0xff]).toString('base64'),
    });
    expect(latin).toMatchObject({ status: 400, body: { detail: expect.stringContaining('不是 UTF-8') } });
    const notNotice = await post('', { text: '今天天气很好。' });
    expect(notNotice).toMatchObject({ status: 400, body: { detail: expect.stringContaining('没有找到') } });
    const huge = await post('', {
      fileName: 'huge.md',
      contentBase64: Buffer.alloc(MAX_NOTICE_BYTES + 1, 0x41).toString('base64'),
    });
    expect(huge.status).toBe(413);
    expect(huge.type).toMatch(/^application\/problem\+json/);
    expect((huge.body as { detail: string }).detail).toContain('20 MB');
    expect(await writes()).toEqual(before);
  });
});
