import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { startTimeSkippingServer } from '@duban/workflow-core/testing';
import { Worker } from '@temporalio/worker';
import { workflowBundleCode } from '@duban/workflow-core/worker';
import { connectBus, ensureStreams, publishEvent, type Bus, type RunningConsumer } from '@duban/bus';
import {
  LAND_LEDGER_WORKFLOW_ID,
  LandUseEvents,
  landCaseWorkflowId,
  type LedgerSnapshot,
} from '@duban/workflow-land-use/client';
import { ReadModels, type AlertDoc, type InboxDoc } from '@duban/contracts';
import { type Suspension } from '@duban/workflow-cultivated-land/client';
import { connectStore, type Store } from '@duban/store';
import {
  acceptCompensationUpdate,
  confirmReclamationUpdate,
  createLandUseActivities,
  landCaseActionUpdate,
  landUseWorkflowsPath,
  requestOccupationUpdate,
  suspendedTownsQuery,
  suspensionRefusal,
  type landCaseWorkflow,
  type landLedgerWorkflow,
} from '@duban/workflow-land-use';
import { policySetting } from '@duban/policy';
import { changePolicySetting } from '@duban/policy/store';
import { cases, ledgers, occupations, timeline, townSuspensions } from './collections';
import { landCasePolicy } from './policy';
import { startLandUseLedgerHold, startLandUseServices } from './service';
import { activeSuspension, suspendedTownCodes } from './suspensions';
import { startLandCase } from './temporal';
import { publishSuspensionFact } from './testing';

// The 自然资源局 module over the real engines: the workflows on the time-skipping server publish
// to NATS, the module keeps lu_* read models, the shared inbox and the alerts (DESIGN §5).
const TASK_QUEUE = 'land-use-service-test';
const natres = {
  userId: 'bureau-natres',
  name: '自然资源局',
  role: 'bureau' as const,
  unitCode: 'natres',
  requestId: 'svc-1',
};

describe('land-use service modules (青政办发〔2019〕28号 二(三)、二(七))', () => {
  let env: TestWorkflowEnvironment;
  let bus: Bus;
  let store: Store;
  let worker: Worker;
  let running: Promise<void>;
  let consumers: RunningConsumer[] = [];
  const run = Date.now().toString(36);

  beforeAll(async () => {
    env = await startTimeSkippingServer(inject('stack').testServerPath, '2019-04-30 08:00:00');
    bus = await connectBus(inject('stack').natsUrl);
    await ensureStreams(bus.jsm);
    store = await connectStore(inject('stack').mongoUri, `${inject('stack').mongoDb}_land_use_${run}`);
    // Only this file's events: other files' ledgers number their occupations the same way.
    const own = { bus, db: store.db, durablePrefix: `t-${run}-`, startAt: 'new' as const };
    consumers = await startLandUseServices(own);
    consumers.push(await startLandUseLedgerHold({ ...own, temporal: env.client, taskQueue: TASK_QUEUE }));
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle: await workflowBundleCode(landUseWorkflowsPath),
      activities: createLandUseActivities({ js: bus.js }),
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    for (const c of consumers) await c.stop();
    await store?.close();
    await bus?.close();
    await env?.teardown();
  });

  async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    let last: T | undefined;
    for (let i = 0; i < 600; i += 1) {
      last = await probe();
      if (ok(last)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`read model did not reach the expected state; last: ${JSON.stringify(last)}`);
  }
  const skipTo = async (shanghai: string) =>
    env.sleep(Date.parse(`${shanghai}+08:00`) - Number(await env.currentTimeMs()));
  const inbox = (itemId: string) =>
    store.db.collection<InboxDoc>(ReadModels.inbox).find({ itemId }).toArray();
  const alerts = (itemId: string) =>
    store.db.collection<AlertDoc>(ReadModels.alerts).find({ itemId }).toArray();

  it('projects the ledger, keeps the reclamation in 自然资源局 inbox with its colour, alerts on blue and red, and never rolls back', async () => {
    const ledgerId = `svc-${run}`;
    const h = await env.client.workflow.start<typeof landLedgerWorkflow>('landLedgerWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `land-use-ledger-${ledgerId}`,
      args: [{ ledgerId }],
    });
    await h.executeUpdate(acceptCompensationUpdate, {
      args: [
        {
          actor: natres,
          body: {
            parcelNo: 'BC-S-1',
            townCode: 'town-daba',
            areaMu: 8,
            grade: 5,
            sourceProject: '大坝镇土地整治',
            acceptedOn: '2019-04-30',
          },
        },
      ],
    });
    await h.executeUpdate(requestOccupationUpdate, {
      args: [
        {
          actor: natres,
          body: {
            project: '园区道路',
            townCode: 'town-daba',
            areaMu: 3,
            grade: 6,
            keyLevel: 'none',
            kind: 'permanent',
            waitIfShort: false,
          },
        },
      ],
    });
    const temp = await h.executeUpdate(requestOccupationUpdate, {
      args: [
        {
          actor: natres,
          body: {
            project: '光缆施工',
            townCode: 'town-daba',
            areaMu: 1.5,
            grade: 6,
            keyLevel: 'none',
            kind: 'temporary',
            waitIfShort: false,
          },
        },
      ],
    });
    const id = temp.occupation.occupationId;
    const doc = await until(
      () => ledgers(store.db).findOne({ _id: ledgerId }),
      (d) => (d?.version ?? 0) >= 3,
    );
    expect(doc!.balance).toMatchObject({ acceptedMu: 8, consumedMu: 3, remainingMu: 5, temporaryMu: 1.5 });
    let entries = await until(
      () => inbox(id),
      (d) => d.length === 1,
    );
    expect(entries[0]).toMatchObject({
      process: 'land-use',
      unitCode: 'natres',
      step: 'reclamation',
      deadline: '2021-04-30',
      colour: 'green',
      href: `#/land/occupations/${id}`,
    });

    await skipTo('2021-04-25T09:00:00');
    entries = await until(
      () => inbox(id),
      (d) => d[0]?.colour === 'blue',
    );
    await skipTo('2021-05-01T00:00:30');
    entries = await until(
      () => inbox(id),
      (d) => d[0]?.colour === 'red',
    );
    const raised = await until(
      () => alerts(id),
      (a) => a.length === 3,
    );
    expect(raised.map((a) => [a.audience, a.colour]).sort()).toEqual([
      ['inspector', 'blue'],
      ['inspector', 'red'],
      ['leader', 'red'],
    ]);

    // A stale fact delivered late (an older ledger version) changes nothing.
    const stale = doc as unknown as LedgerSnapshot;
    await publishEvent(bus.js, {
      type: LandUseEvents.CompensationAccepted.type,
      id: `stale-${run}`,
      source: 'test',
      subject: ledgerId,
      data: { ledger: { ...stale, version: 1 }, parcel: stale.parcels[0]! },
      actorId: 'test',
    });
    await h.executeUpdate(confirmReclamationUpdate, {
      args: [{ actor: natres, body: { occupationId: id } }],
    });
    await until(
      () => inbox(id),
      (d) => d.length === 0,
    );
    const after = await until(
      () => occupations(store.db).findOne({ _id: id }),
      (o) => o?.state === 'reclaimed',
    );
    expect(after!.reclamation!.colour).toBe('none');
    const ledger = await ledgers(store.db).findOne({ _id: ledgerId });
    expect(ledger!.version).toBeGreaterThanOrEqual(6);
    expect(ledger!.balance.temporaryMu).toBe(0);
  });

  it('keeps its own read model of suspended towns from the cultivated-land facts and tells the ledger, which refuses there itself (三(十))', async () => {
    const town = 'town-chenyuantan';
    const townName = '陈袁滩镇';
    const suspension = (year: number): Suspension => ({
      townCode: town,
      assessmentId: `cl-assess-${year}-${town}-${run}`,
      year,
      reason: `${townName}${year}年度耕地保护责任目标考核未通过（cl-assess-${year}-${town}-${run}）`,
      since: `${year + 1}-01-20T01:00:00.000Z`,
      rectificationDeadline: `${year + 1}-06-30`,
      liftedAt: null,
    });
    const fact = (id: string, time: string, s: Suspension, name = townName) =>
      publishSuspensionFact(bus, { id: `${id}-${run}`, time, suspension: s, townName: name });
    const stored = () => townSuspensions(store.db).findOne({ _id: town });
    const ledger = env.client.workflow.getHandle(LAND_LEDGER_WORKFLOW_ID);
    const ledgerTowns = () => ledger.query(suspendedTownsQuery).catch(() => [] as string[]);

    const y2019 = suspension(2019);
    await fact('placed-2019', '2020-01-20T01:00:00.000Z', y2019);
    let doc = await until(stored, (d) => d?.assessmentId === y2019.assessmentId);
    expect(doc).toMatchObject({
      townCode: town,
      townName,
      suspended: true,
      year: 2019,
      reason: y2019.reason,
      rectificationDeadline: '2020-06-30',
      liftedAt: null,
    });
    expect((await activeSuspension(store.db, town))?.assessmentId).toBe(y2019.assessmentId);
    expect(await suspendedTownCodes(store.db)).toContain(town);

    // The ledger workflow was told (and started, being the first to hear): it refuses itself.
    await until(ledgerTowns, (towns) => towns.includes(town));
    const error = await ledger
      .executeUpdate(requestOccupationUpdate, {
        args: [
          {
            actor: natres,
            body: {
              project: '陈袁滩镇光缆施工',
              townCode: town,
              areaMu: 1,
              grade: 9,
              keyLevel: 'none',
              kind: 'temporary',
              waitIfShort: false,
            },
          },
        ],
      })
      .catch((e: unknown) => e as { cause?: { type?: string; message?: string } });
    expect((error as { cause?: unknown }).cause).toMatchObject({
      type: 'ActionRefused',
      message: suspensionRefusal({ ...y2019, townName }, 'temporary'),
    });

    // Last year's lift and an older suspension change nothing; a marker for another town, once
    // applied, shows that they were handled (the consumer takes the facts in order).
    const y2018 = suspension(2018);
    await fact('lifted-2018', '2020-02-01T01:00:00.000Z', { ...y2018, liftedAt: '2020-02-01T01:00:00.000Z' });
    await fact('placed-2018', '2019-01-20T01:00:00.000Z', y2018);
    const markerTown = `town-marker-${run}`;
    await fact('marker', '2020-02-02T01:00:00.000Z', { ...y2018, townCode: markerTown }, markerTown);
    await until(
      () => townSuspensions(store.db).findOne({ _id: markerTown }),
      (d) => d !== null,
    );
    doc = await stored();
    expect(doc).toMatchObject({ assessmentId: y2019.assessmentId, suspended: true });
    expect(await ledgerTowns()).toContain(town);

    // The lift that names this year's suspension frees the town, in the read model and the ledger.
    const liftedAt = '2020-03-02T01:00:00.000Z';
    await fact('lifted-2019', liftedAt, { ...y2019, liftedAt });
    doc = await until(stored, (d) => d?.suspended === false);
    expect(doc).toMatchObject({ assessmentId: y2019.assessmentId, liftedAt });
    expect(await activeSuspension(store.db, town)).toBeNull();
    expect(await suspendedTownCodes(store.db)).not.toContain(town);
    await until(ledgerTowns, (towns) => !towns.includes(town));
  });

  it('keeps the open step of a case in the inbox; a late case alerts the leaders; closing clears it (二(七))', async () => {
    const caseId = `SVC-${run}`;
    const h = await env.client.workflow.start<typeof landCaseWorkflow>('landCaseWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: landCaseWorkflowId(caseId),
      args: [
        {
          caseId,
          facts: {
            source: 'report',
            parcelNo: 'QTX-S-1',
            townCode: 'town-shaogang',
            areaMu: 4,
            landKind: 'cultivated',
            party: '王某',
            description: '',
            foundOn: '2021-05-01',
          },
          handlingDays: 20,
        },
      ],
    });
    let entries = await until(
      () => inbox(caseId),
      (d) => d.length === 1,
    );
    expect(entries[0]).toMatchObject({
      step: 'investigated',
      stepLabel: '违法占地案件调查取证',
      deadline: '2021-05-21',
    });
    const act = (action: 'investigate' | 'decide' | 'rectify' | 'close', body: Record<string, unknown>) =>
      h.executeUpdate(landCaseActionUpdate, { args: [{ action, actor: natres, body }] });
    await act('investigate', { note: '已查明' });
    entries = await until(
      () => inbox(caseId),
      (d) => d[0]?.step === 'decided',
    );
    expect(entries).toHaveLength(1);
    await skipTo('2021-05-22T00:00:30');
    const red = await until(
      () => alerts(caseId),
      (a) => a.some((x) => x.audience === 'leader'),
    );
    expect(red.find((x) => x.audience === 'leader')).toMatchObject({
      colour: 'red',
      docNo: '青政办发〔2019〕28号',
    });
    await act('decide', { decision: '责令退还' });
    await act('rectify', { note: '已复耕' });
    await act('close', {});
    await until(
      () => inbox(caseId),
      (d) => d.length === 0,
    );
    const stored = await until(
      () => cases(store.db).findOne({ _id: caseId }),
      (c) => c?.step === 'closed',
    );
    expect(stored).toMatchObject({ colour: 'none' });
  });

  it('a changed 政策参数 reaches a case opened after it; its 曝光 waits in the inbox beside the next step and is on the timeline (二(七))', async () => {
    const by = { username: 'admin', name: '系统管理员', role: 'admin', unitCode: null };
    const setting = policySetting('land.major-case-cultivated-mu')!;
    await changePolicySetting(store.db, setting, {
      to: 5,
      reason: '市局要求从严挂牌督办',
      by,
      at: new Date(),
    });
    const facts = {
      source: 'patrol' as const,
      parcelNo: `QTX-P-${run}`,
      townCode: 'town-xiaoba',
      areaMu: 8,
      landKind: 'cultivated' as const,
      party: '某物流有限公司',
      description: '',
      foundOn: '2021-05-20',
    };
    // As POST /api/land/cases opens it: with the settings in force now.
    const { caseId } = await startLandCase(
      { temporal: env.client, taskQueue: TASK_QUEUE },
      facts,
      await landCasePolicy(store.db),
    );
    const opened = await until(
      () => cases(store.db).findOne({ _id: caseId }),
      (c) => c !== null,
    );
    // 8 亩 is under the default 10 亩 but over the 5 亩 in force when the case was opened.
    expect(opened).toMatchObject({
      major: true,
      majorReason: '违法占用耕地 8 亩（5 亩以上）',
      exposureRequired: true,
      exposure: null,
    });

    const h = env.client.workflow.getHandle(landCaseWorkflowId(caseId));
    const act = (action: 'investigate' | 'decide' | 'expose', body: Record<string, unknown>) =>
      h.executeUpdate(landCaseActionUpdate, { args: [{ action, actor: natres, body }] });
    await act('investigate', { note: '现场勘测 8 亩' });
    await act('decide', { decision: '责令退还土地、恢复原状，并处罚款' });
    let entries = await until(
      () => inbox(caseId),
      (d) => d.length === 2,
    );
    expect(entries.map((e) => e.step).sort()).toEqual(['exposure', 'rectified']);
    expect(entries.find((e) => e.step === 'exposure')).toMatchObject({
      unitCode: 'natres',
      stepLabel: '重大典型违法案件曝光',
      ref: '二(七)',
      href: `#/land/cases/${caseId}`,
    });
    const exposure = { channel: '青铜峡市人民政府网站', summary: '通报某物流有限公司违法占用耕地 8 亩' };
    await act('expose', exposure);
    entries = await until(
      () => inbox(caseId),
      (d) => d.length === 1,
    );
    expect(entries[0]!.step).toBe('rectified');
    const exposed = await until(
      () => timeline(store.db).find({ thingId: caseId, fact: 'case_exposed' }).toArray(),
      (l) => l.length === 1,
    );
    expect(exposed[0]).toMatchObject({
      summary: `曝光（${exposure.channel}）：${exposure.summary}（青政办发〔2019〕28号 二(七)）`,
      actor: { userId: 'bureau-natres' },
    });
  });
});
