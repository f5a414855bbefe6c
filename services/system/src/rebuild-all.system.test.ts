import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { EVENTS_STREAM, connectBus, ensureStreams, type Bus, type RunningConsumer } from '@duban/bus';
import { AlertEvents, ReadModels, type Actor, type InboxDoc } from '@duban/contracts';
import { SupervisionEvents } from '@duban/workflow-supervision/client';
import {
  assessmentIdOf,
  rectificationIdOf,
  townAssessmentWorkflowId,
  townRectificationWorkflowId,
} from '@duban/workflow-cultivated-land/client';
import {
  caseIdOf,
  kindergartenCaseWorkflowId,
  projectIdOf,
  type CaseCommand,
} from '@duban/workflow-kindergarten/client';
import { landCaseWorkflowId } from '@duban/workflow-land-use/client';
import {
  cultivatedLandReadModel,
  cultivatedLandReadModelDurables,
  startCultivatedLandServices,
} from '@duban/service-cultivated-land';
import {
  kindergartenReadModel,
  kindergartenReadModelDurables,
  startKindergartenServices,
} from '@duban/service-kindergarten';
import { landUseReadModel, startLandUseServices } from '@duban/service-land-use';
import { landTransferReadModel, startLandTransferServices } from '@duban/service-land-transfer';
import { connectStore, type Store } from '@duban/store';
import {
  assessmentActionUpdate,
  createCultivatedLandWorker,
  rectificationActionUpdate,
  type townAssessmentWorkflow,
  type townRectificationWorkflow,
} from '@duban/workflow-cultivated-land';
import {
  CAMPAIGN_2019,
  caseActionUpdate,
  createKindergartenWorker,
  type kindergartenCaseWorkflow,
} from '@duban/workflow-kindergarten';
import {
  acceptCompensationUpdate,
  createLandUseWorker,
  requestOccupationUpdate,
  type landCaseWorkflow,
  type landLedgerWorkflow,
} from '@duban/workflow-land-use';
import {
  createLandTransferWorker,
  landTransferWorkflowId,
  transferActionUpdate,
  type landTransferWorkflow,
} from '@duban/workflow-land-transfer';
import type { Db } from 'mongodb';
import { rebuildReadModels, waitUntilCaughtUp, type StoreReadModel } from '@duban/process';
import { supervisionReadModel } from '@duban/service-supervision';
import { itemSnapshot, publish } from '@duban/service-supervision/testing';

// Real workflows on the test stack's Temporal (its clock is today's, so the 2019 campaign's
// deadlines are long past: cases and towns turn red and their alert consumers announce it) feed
// every service with its real consumers; then the read models are rebuilt from the stream.
describe('rebuilding every read model from the stream', () => {
  const run = Date.now().toString(36);
  const prefix = `rb-${run}-`;
  const models: StoreReadModel[] = [
    supervisionReadModel(),
    kindergartenReadModel,
    cultivatedLandReadModel,
    landUseReadModel,
    landTransferReadModel,
  ];
  let bus: Bus;
  let store: Store;
  let db: Db;
  let connection: Connection;
  let native: NativeConnection;
  let client: Client;
  const workers: { worker: Worker; running: Promise<void> }[] = [];
  const handles: WorkflowHandle[] = [];
  let consumers: RunningConsumer[] = [];

  const who = (unitCode: string, n: number): Actor => ({
    userId: `bureau-${unitCode}`,
    name: unitCode,
    role: 'bureau',
    unitCode,
    requestId: `rb-${run}-${n}`,
  });

  const inspector = (n: number): Actor => ({
    userId: 'inspector',
    name: '督查室',
    role: 'inspector',
    requestId: `rb-${run}-${n}`,
  });

  beforeAll(async () => {
    const stack = inject('stack');
    bus = await connectBus(stack.natsUrl, { name: 'rebuild-all-tests' });
    await ensureStreams(bus.jsm);
    store = await connectStore(stack.mongoUri, `${stack.mongoDb}_rebuild_all_${run}`);
    db = store.db;
    // Temporal's runtime (warnings only) is installed for every file by test/setup/workflow-runtime.ts.
    connection = await Connection.connect({ address: stack.temporalAddress });
    client = new Client({ connection, namespace: 'default' });
    native = await NativeConnection.connect({ address: stack.temporalAddress });
    const deps = { connection: native, namespace: 'default', js: bus.js };
    for (const worker of [
      await createKindergartenWorker({ ...deps, taskQueue: `kg-${prefix}` }),
      await createCultivatedLandWorker({ ...deps, taskQueue: `cl-${prefix}` }),
      await createLandUseWorker({ ...deps, taskQueue: `lu-${prefix}` }),
      await createLandTransferWorker({ ...deps, taskQueue: `lt-${prefix}` }),
    ]) {
      workers.push({ worker, running: worker.run() });
    }
    consumers = [
      ...(await supervisionReadModel().start({ bus, db, durablePrefix: prefix })),
      ...(await startKindergartenServices({ bus, db, durablePrefix: prefix })),
      ...(await startCultivatedLandServices({ bus, db, durablePrefix: prefix })),
      ...(await startLandUseServices({ bus, db, durablePrefix: prefix })),
      ...(await startLandTransferServices({ bus, db, durablePrefix: prefix })),
    ];
  });

  afterAll(async () => {
    for (const h of handles) await h.terminate('test over').catch(() => undefined);
    for (const w of workers) {
      if (w.worker.getState() === 'RUNNING') w.worker.shutdown();
      await w.running;
    }
    for (const c of consumers) await c.stop();
    await native?.close();
    await connection?.close();
    await store?.db.dropDatabase();
    await store?.close();
    await bus?.close();
  });

  const inbox = () => db.collection<InboxDoc>(ReadModels.inbox);
  const durables = () => models.flatMap((m) => m.durables(prefix));
  const alertDurables = [
    'kindergarten-alerts',
    'cultivated-land-alerts',
    'land-use-alerts',
    'land-transfer-alerts',
  ].map((name) => `${prefix}${name}`);
  const until = async (what: string, ok: () => Promise<boolean>) => {
    for (let i = 0; i < 600; i += 1) {
      if (await ok()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`never: ${what}`);
  };
  const streamMessages = async () => (await bus.jsm.streams.info(EVENTS_STREAM)).state.messages;
  /** Every document of every rebuilt collection, of the shared inbox, the alerts and the campaigns
   * (written by the API: never dropped). */
  const dump = async () => {
    const names = [
      ...new Set(models.flatMap((m) => m.collections)),
      ReadModels.inbox,
      ReadModels.alerts,
      'kg_campaigns',
    ];
    const out: Record<string, unknown[]> = {};
    for (const name of names) out[name] = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    return out;
  };
  let before: Record<string, unknown[]>;
  let messages: number;

  it('runs real cases, rectifications and assessments through every service', async () => {
    // 督办: one item assigned (the supervision workflow's event, as the projector tests publish it).
    const itemId = `rbtest.${run}`;
    await publish(bus, SupervisionEvents.ItemAssigned.type, 'assigned', '2019-04-22T09:00:00+08:00', {
      item: itemSnapshot(itemId),
    });
    const caseIds: string[] = [];
    const projectIds: string[] = [];
    // 一园一案: a finished project to hand over, and one still building (住建局 holds its filing).
    for (const [n, projectStatus] of (['completed', 'under_construction'] as const).entries()) {
      const projectId = projectIdOf('小坝镇', `重建测试${n}-${run}`);
      const caseId = caseIdOf(CAMPAIGN_2019.campaignId, projectId);
      caseIds.push(caseId);
      projectIds.push(projectId);
      const building = projectStatus === 'under_construction';
      const h = await client.workflow.start<typeof kindergartenCaseWorkflow>('kindergartenCaseWorkflow', {
        taskQueue: `kg-${prefix}`,
        workflowId: kindergartenCaseWorkflowId(caseId),
        args: [
          {
            caseId,
            campaignId: CAMPAIGN_2019.campaignId,
            projectId,
            facts: building
              ? {
                  projectName: `重建测试${n}`,
                  town: '小坝镇',
                  developer: '某置业',
                  landTenure: 'transferred',
                  plannedOn: '2018-03-01',
                  builtOn: null,
                  condition: 'missing',
                  proposedCategory: 'build',
                  projectStatus,
                }
              : {
                  projectName: `重建测试${n}`,
                  town: '小坝镇',
                  developer: '宁夏某房地产开发有限公司',
                  landTenure: 'allocated',
                  plannedOn: '2012-05-01',
                  builtOn: '2015-08-01',
                  condition: 'not_handed_over',
                  proposedCategory: 'handover',
                  projectStatus,
                },
            deadlines: CAMPAIGN_2019.deadlines,
          },
        ],
      });
      handles.push(h);
      await h.executeUpdate(caseActionUpdate, {
        args: [
          {
            action: 'complete-step',
            actor: who('edu', n),
            body: { step: 'survey', note: '已列入台账' },
          } as CaseCommand,
        ],
      });
    }
    // 耕地保护: a town's rectification (one step done) and its assessment, failed: business suspended.
    const rectificationId = rectificationIdOf(`cl-rb-${run}`, 'town-xiaoba');
    const r = await client.workflow.start<typeof townRectificationWorkflow>('townRectificationWorkflow', {
      taskQueue: `cl-${prefix}`,
      workflowId: townRectificationWorkflowId(rectificationId),
      args: [
        {
          rectificationId,
          campaignId: `cl-rb-${run}`,
          townCode: 'town-xiaoba',
          townName: '小坝镇',
          // 二(二) as written: 自然资源局's plan, the town's 整改补划 (issue 14).
          deadlines: {
            verify: '2019-05-31',
            problems: '2019-06-30',
            plan: '2019-07-31',
            rectify: '2019-09-15',
            zones: '2019-09-30',
            amend: '2019-11-30',
          },
        },
      ],
    });
    handles.push(r);
    await r.executeUpdate(rectificationActionUpdate, {
      args: [
        { action: 'complete-step', actor: who('natres', 3), body: { step: 'verify', note: '核实完毕' } },
      ],
    } as never);
    const assessmentId = `${assessmentIdOf(2019, 'town-xiaoba')}-${run}`;
    const targets = { cultivatedLandMu: 100, basicFarmlandMu: 80, highStandardMu: 10 };
    const a = await client.workflow.start<typeof townAssessmentWorkflow>('townAssessmentWorkflow', {
      taskQueue: `cl-${prefix}`,
      workflowId: townAssessmentWorkflowId(assessmentId),
      args: [
        {
          assessmentId,
          year: 2019,
          townCode: 'town-xiaoba',
          townName: '小坝镇',
          targets,
          reportDeadline: '2020-01-31',
          setBy: 'bureau-natres',
        },
      ],
    });
    handles.push(a);
    const act = (action: string, actor: Actor, body: unknown) =>
      a.executeUpdate(assessmentActionUpdate, { args: [{ action, actor, body }] } as never);
    await act('report', who('town-xiaoba', 4), { actuals: { ...targets, highStandardMu: 5 } });
    // 三(十): the 市政府 assesses, 督查室 acting for it (issue 14).
    await act('assess', inspector(5), { rectificationDeadline: '2020-06-30' });
    // 大坝镇 has reported and waits for the city's assessment: an entry in 督查室's inbox.
    const waiting = await client.workflow.start<typeof townAssessmentWorkflow>('townAssessmentWorkflow', {
      taskQueue: `cl-${prefix}`,
      workflowId: townAssessmentWorkflowId(`${assessmentIdOf(2019, 'town-daba')}-${run}`),
      args: [
        {
          assessmentId: `${assessmentIdOf(2019, 'town-daba')}-${run}`,
          year: 2019,
          townCode: 'town-daba',
          townName: '大坝镇',
          targets,
          reportDeadline: '2020-01-31',
          setBy: 'inspector',
        },
      ],
    });
    handles.push(waiting);
    await waiting.executeUpdate(assessmentActionUpdate, {
      args: [{ action: 'report', actor: who('town-daba', 9), body: { actuals: targets } }],
    } as never);

    // 土地利用: a compensation accepted and land occupied against it; an illegal occupation case
    // found in 2021, long past its handling deadline.
    const ledger = await client.workflow.start<typeof landLedgerWorkflow>('landLedgerWorkflow', {
      taskQueue: `lu-${prefix}`,
      workflowId: `land-use-ledger-rb-${run}`,
      args: [{ ledgerId: `rb-${run}` }],
    });
    handles.push(ledger);
    const natres = who('natres', 6);
    await ledger.executeUpdate(acceptCompensationUpdate, {
      args: [
        {
          actor: natres,
          body: {
            parcelNo: `BC-RB-${run}`,
            townCode: 'town-daba',
            areaMu: 8,
            grade: 5,
            sourceProject: '大坝镇土地整治',
            acceptedOn: '2019-04-30',
          },
        },
      ],
    });
    await ledger.executeUpdate(requestOccupationUpdate, {
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
    } as never);
    const landCaseId = `RB-${run}`;
    handles.push(
      await client.workflow.start<typeof landCaseWorkflow>('landCaseWorkflow', {
        taskQueue: `lu-${prefix}`,
        workflowId: landCaseWorkflowId(landCaseId),
        args: [
          {
            caseId: landCaseId,
            facts: {
              source: 'report',
              parcelNo: `QTX-RB-${run}`,
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
      }),
    );
    await until('the land case in 自然资源局 inbox', async () =>
      Boolean(await inbox().findOne({ process: 'land-use', itemId: landCaseId })),
    );
    // 土地流转 (34号): an application passes the villagers' meeting and waits for the town.
    const applicationId = `LZ-RB-${run}`;
    const application = await client.workflow.start<typeof landTransferWorkflow>('landTransferWorkflow', {
      taskQueue: `lt-${prefix}`,
      workflowId: landTransferWorkflowId(applicationId),
      args: [
        {
          applicationId,
          operatorOtherMu: 0,
          filedBy: 'bureau-operator-rb',
          application: {
            operatorCode: 'operator-rb',
            operatorName: '重建测试农业公司',
            operatorKind: 'enterprise',
            local: true,
            villageCode: 'village-rb',
            villageName: '重建村',
            townCode: 'town-xiaoba',
            parcels: [{ name: '一组', location: '重建村一组', areaMu: 150 }],
            use: '粮食种植',
            termStart: '2019-06-01',
            termEnd: '2028-12-31',
            rentPerMuYear: 500,
            filedOn: '2019-05-06',
          },
        },
      ],
    });
    handles.push(application);
    await application.executeUpdate(transferActionUpdate, {
      args: [
        {
          action: 'meeting',
          actor: who('village-rb', 90),
          body: { heldOn: '2019-05-10', members: 10, present: 10, inFavour: 8 },
        },
      ],
    });
    await until('the application in the town inbox', async () =>
      Boolean(
        await inbox().findOne({ process: 'land-transfer', itemId: applicationId, unitCode: 'town-xiaoba' }),
      ),
    );

    const kgInbox = { process: 'kindergarten' as const, itemId: { $in: caseIds } };
    await until('kindergarten entries and permits', async () => {
      const holds = await db.collection('kg_permits_hous').countDocuments({ projectId: { $in: projectIds } });
      return holds === 1 && (await inbox().countDocuments(kgInbox)) >= 2;
    });
    await until('the town suspended', async () =>
      Boolean(await db.collection('land_suspensions').findOne({ _id: 'town-xiaoba' as never, assessmentId })),
    );
    await until(
      'alerts announced',
      async () => (await db.collection(ReadModels.alerts).countDocuments()) >= 4,
    );
    // The workflows stop publishing; then every consumer drains.
    for (const w of workers) w.worker.shutdown();
    for (const w of workers) await w.running;
    for (let last = -1, now = await streamMessages(); now !== last; now = await streamMessages()) {
      last = now;
      await new Promise((r) => setTimeout(r, 1_000));
    }
    // In a whole run the shared stream holds every earlier test file's facts too.
    for (const durable of [...durables(), ...alertDurables]) {
      await waitUntilCaughtUp(bus, durable, { timeoutMs: 480_000 });
    }

    // The descriptors name every consumer the services start, except the ones that publish.
    const started: string[] = [];
    for await (const info of await bus.jsm.consumers.list(EVENTS_STREAM)) {
      if (info.name.startsWith(prefix)) started.push(info.name);
    }
    expect(started.sort()).toEqual([...durables(), ...alertDurables].sort());
    expect(kindergartenReadModel.durables(prefix)).toContain(kindergartenReadModelDurables(prefix).hous);
    expect(cultivatedLandReadModel.durables(prefix)).toContain(cultivatedLandReadModelDurables(prefix).towns);

    for (const c of consumers) await c.stop();
    consumers = [];
    before = await dump();
    messages = await streamMessages();
    const subjects = (await bus.jsm.streams.info(EVENTS_STREAM, { subjects_filter: '>' })).state.subjects;
    expect(subjects?.[AlertEvents.AlertRaised.subject]).toBeGreaterThanOrEqual(4);
    const processes = new Set((before[ReadModels.inbox] as InboxDoc[]).map((e) => e.process));
    expect([...processes].sort()).toEqual([
      'cultivated-land',
      'kindergarten',
      'land-transfer',
      'land-use',
      'supervision',
    ]);
    expect(before.kg_campaigns).toEqual([expect.objectContaining({ _id: CAMPAIGN_2019.campaignId })]);
    expect(before.kg_cases!.length).toBeGreaterThanOrEqual(2);
    expect(before.kg_bureau_cases!.length).toBeGreaterThanOrEqual(2);
    expect(before.cl_assessments!.length).toBeGreaterThanOrEqual(2);
    // 三(十): the city's step waits in 政府督查室's inbox, 农业农村局 and 统计局 taking part.
    const assessing = (before[ReadModels.inbox] as InboxDoc[]).filter(
      (e) => e.itemId === `${assessmentIdOf(2019, 'town-daba')}-${run}`,
    );
    expect(assessing.map((e) => [e.unitCode, e.role]).sort()).toEqual([
      ['agri', 'cooperating'],
      ['gov-inspection', 'lead'],
      ['stats', 'cooperating'],
    ]);
    expect(before.cl_rectifications!.length).toBeGreaterThanOrEqual(1);
    expect(before.land_suspensions!.length).toBeGreaterThanOrEqual(1);
    expect(before[ReadModels.items]!.length).toBeGreaterThanOrEqual(1);
    expect(before.lu_ledger!.length).toBeGreaterThanOrEqual(1);
    expect(before.lu_occupations!.length).toBeGreaterThanOrEqual(1);
    expect(before.lu_cases!.length).toBeGreaterThanOrEqual(1);
  }, 600_000);

  it('--only kindergarten rebuilds its documents and leaves every other process alone', async () => {
    const tampered = await inbox().findOneAndUpdate(
      { process: 'cultivated-land' },
      { $set: { stepLabel: '改动过的待办' } },
      { returnDocument: 'after' },
    );
    expect(tampered?.stepLabel).toBe('改动过的待办');
    await inbox().deleteOne({ process: 'kindergarten' });
    await db.collection('kg_cases').deleteMany({});

    const [rebuilt, ...more] = await rebuildReadModels([kindergartenReadModel], {
      bus,
      db,
      durablePrefix: prefix,
      timeoutMs: 480_000,
    });
    expect(more).toEqual([]);
    for (const c of rebuilt!.consumers) await c.stop();
    expect(rebuilt).toMatchObject({ name: 'kindergarten' });
    expect(rebuilt!.consumers).toHaveLength(kindergartenReadModel.durables().length);
    expect(rebuilt!.handled).toBeGreaterThan(0);

    const after = await dump();
    for (const name of kindergartenReadModel.collections) expect(after[name]).toEqual(before[name]);
    const entries = (d: Record<string, unknown[]>, process: string) =>
      (d[ReadModels.inbox] as InboxDoc[]).filter((e) => e.process === process);
    expect(entries(after, 'kindergarten')).toEqual(entries(before, 'kindergarten'));
    for (const process of ['supervision', 'land-use', 'land-transfer'])
      expect(entries(after, process)).toEqual(entries(before, process));
    // Not rebuilt: the tampered cultivated-land entry is still as it was left.
    expect(await inbox().findOne({ _id: tampered!._id })).toEqual(tampered);
    expect(after[ReadModels.alerts]).toEqual(before[ReadModels.alerts]);
    expect(await streamMessages()).toBe(messages);
  }, 600_000);

  it('rebuilding all gives the same documents and announces nothing again', async () => {
    await db.collection(ReadModels.items).deleteMany({});
    const lines: string[] = [];
    const rebuilt = await rebuildReadModels(models, {
      bus,
      db,
      durablePrefix: prefix,
      timeoutMs: 480_000,
      onRebuilt: (r) => lines.push(r.name),
    });
    for (const r of rebuilt) for (const c of r.consumers) await c.stop();
    expect(lines).toEqual(['supervision', 'kindergarten', 'cultivated-land', 'land-use', 'land-transfer']);
    for (const r of rebuilt) expect(r.handled).toBeGreaterThan(0);
    for (const durable of durables()) {
      const info = await bus.jsm.consumers.info(EVENTS_STREAM, durable);
      expect(info.num_pending + info.num_ack_pending).toBe(0);
    }
    expect(await dump()).toEqual(before);
    // The alert consumers were not replayed: no AlertRaised (nor anything else) published again.
    expect(await streamMessages()).toBe(messages);
  }, 600_000);
});
