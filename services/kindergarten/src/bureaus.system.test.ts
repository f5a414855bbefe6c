import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectBus, ensureStreams, publishEvent, type Bus, type RunningConsumer } from '@duban/bus';
import {
  KindergartenEvents,
  type CaseSnapshot,
  type Hold,
  type StepSnapshot,
} from '@duban/workflow-kindergarten/client';
import { ReadModels, type InboxDoc } from '@duban/contracts';
import { connectStore, type Store } from '@duban/store';
import { CAMPAIGN_2019, newCaseState } from '@duban/workflow-kindergarten';
import { startHousModule } from './bureaus/hous/index';
import { startBureauInboxModule } from './bureaus/inbox';
import { startNatresModule } from './bureaus/natres/index';
import { housPermits, natresPermits } from './collections';

// 三(一): the 住建局 and 自然资源局 modules each consume only the hold events, keep their own read
// model, and run alone; an older or repeated event never undoes a newer one.
describe('住建局 and 自然资源局 hold modules over the real engines', () => {
  let bus: Bus;
  let store: Store;
  const modules: RunningConsumer[] = [];
  const run = Date.now().toString(36);

  beforeAll(async () => {
    const stack = inject('stack');
    bus = await connectBus(stack.natsUrl, { name: 'kg-bureaus-tests' });
    await ensureStreams(bus.jsm);
    store = await connectStore(stack.mongoUri, `${stack.mongoDb}_kg_bureaus`);
    modules.push(await startHousModule({ bus, db: store.db, durable: 'kg-hous-test' }));
    modules.push(await startNatresModule({ bus, db: store.db, durable: 'kg-natres-test' }));
    modules.push(
      await startBureauInboxModule({ bus, db: store.db, unitCode: 'edu', durable: 'kg-edu-test' }),
    );
  });

  afterAll(async () => {
    for (const m of modules) await m.stop();
    await store?.close();
    await bus?.close();
  });

  const caseOf = (
    projectStatus: 'under_construction' | 'approved_not_started',
    version: number,
  ): CaseSnapshot => {
    const state = newCaseState(
      {
        caseId: `kg-2019.p-${run}-${projectStatus}`,
        campaignId: 'kg-2019',
        projectId: `p-${run}-${projectStatus}`,
        facts: {
          projectName: '锦绣华庭',
          town: '小坝镇',
          developer: '某置业',
          landTenure: 'transferred',
          plannedOn: '2018-03-01',
          builtOn: null,
          condition: 'missing',
          proposedCategory: 'build',
          projectStatus,
        },
        deadlines: CAMPAIGN_2019.deadlines,
      },
      Date.parse('2019-05-01T01:00:00Z'),
    );
    return { ...state.case, version };
  };
  const publish = (fact: 'HoldPlaced' | 'HoldLifted', c: CaseSnapshot, hold: Hold, id: string) =>
    publishEvent(bus.js, {
      type: KindergartenEvents[fact].type,
      id,
      source: 'test',
      subject: c.caseId,
      data: { case: c, hold } as never,
      actorId: 'system',
    });
  // The modules start from the beginning of the shared stream, where the workflow tests of the
  // same run may have left hundreds of case facts (each also feeds the bureaus' inboxes).
  const eventually = async <T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> => {
    for (let i = 0; i < 900; i += 1) {
      const v = await probe();
      if (ok(v)) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    return probe();
  };

  it('each bureau keeps only its own hold, and a lift is not undone by an older event', async () => {
    const building = caseOf('under_construction', 2);
    const notStarted = caseOf('approved_not_started', 2);
    const filing = building.holds[0]!;
    const start = notStarted.holds[0]!;
    await publish('HoldPlaced', building, filing, `${run}/a/2`);
    await publish('HoldPlaced', notStarted, start, `${run}/b/2`);

    const hous = await eventually(
      () =>
        housPermits(store.db)
          .find({ projectId: { $in: [building.projectId, notStarted.projectId] } })
          .toArray(),
      (d) => d.length === 1,
    );
    expect(hous).toEqual([
      expect.objectContaining({ projectId: building.projectId, held: true, caseId: building.caseId }),
    ]);
    const natres = await eventually(
      () =>
        natresPermits(store.db)
          .find({ projectId: { $in: [building.projectId, notStarted.projectId] } })
          .toArray(),
      (d) => d.length === 1,
    );
    expect(natres).toEqual([expect.objectContaining({ projectId: notStarted.projectId, held: true })]);

    const lifted = { ...building, version: 9 };
    await publish('HoldLifted', lifted, { ...filing, liftedAt: '2020-06-15T01:00:00.000Z' }, `${run}/a/9`);
    await eventually(
      () => housPermits(store.db).findOne({ _id: `${building.projectId}|completion_filing` }),
      (d) => d?.held === false,
    );
    // A late redelivery of an older placement (another id, lower version) changes nothing.
    await publish('HoldPlaced', { ...building, version: 3 }, filing, `${run}/a/3`);
    await new Promise((r) => setTimeout(r, 500));
    const doc = await housPermits(store.db).findOne({ _id: `${building.projectId}|completion_filing` });
    expect(doc).toMatchObject({ held: false, version: 9 });
  });

  it('each bureau keeps its own inbox entries (我的待办): open steps in, done steps out, older events ignored', async () => {
    const opened = caseOf('under_construction', 1);
    const caseId = `${opened.caseId}-inbox`;
    const inbox = () =>
      store.db
        .collection<InboxDoc>(ReadModels.inbox)
        .find({ process: 'kindergarten', itemId: caseId })
        .sort({ _id: 1 })
        .toArray();
    const send = (fact: keyof typeof KindergartenEvents, c: CaseSnapshot, extra: object = {}) =>
      publishEvent(bus.js, {
        type: KindergartenEvents[fact].type,
        id: `${run}/inbox/${c.version}/${fact}`,
        source: 'test',
        subject: caseId,
        data: { case: c, ...extra } as never,
        actorId: 'system',
      });
    const step = (
      key: string,
      unitCode: string,
      deadline: string | null,
      colour: StepSnapshot['colour'],
    ) => ({
      ...opened.steps[0]!,
      key,
      unitCode,
      title: `${key} 的中文名`,
      phase: 'rectifying' as const,
      deadline,
      originalDeadline: deadline,
      colour,
    });

    await send('CaseOpened', { ...opened, caseId, version: 1 });
    let docs = await eventually(inbox, (d) => d.length === 1);
    expect(docs).toEqual([
      expect.objectContaining({
        _id: `kindergarten|${caseId}|survey|edu`,
        process: 'kindergarten',
        href: `#/kindergarten/cases/${caseId}`,
        unitCode: 'edu',
        step: 'survey',
        stepLabel: '调查摸底、列入台账并汇总',
        docNo: '青政办发〔2019〕31号',
        ref: '四(一)',
        title: '小坝镇锦绣华庭配套幼儿园整改（一园一案）',
        deadline: null,
        colour: 'green',
        role: 'lead',
      }),
    ]);

    const planned: CaseSnapshot = {
      ...opened,
      caseId,
      version: 3,
      phase: 'rectifying',
      steps: [
        { ...opened.steps[0]!, state: 'done', colour: 'none' },
        step('land_allocated', 'natres', '2019-11-30', 'red'),
        step('accepted', 'hous', '2020-12-31', 'yellow'),
      ],
    };
    await send('CasePlanned', planned, { note: '就近新建' });
    docs = await eventually(inbox, (d) => d.length === 2 && !d.some((x) => x.unitCode === 'edu'));
    expect(docs.map((d) => [d.unitCode, d.step, d.deadline, d.colour])).toEqual([
      ['hous', 'accepted', '2020-12-31', 'yellow'],
      ['natres', 'land_allocated', '2019-11-30', 'red'],
    ]);

    // A late redelivery of an older fact (another id, lower version) brings nothing back.
    await send(
      'StepCompleted',
      { ...opened, caseId, version: 2 },
      { step: 'x', unitCode: 'edu', note: null },
    );
    await new Promise((r) => setTimeout(r, 500));
    expect((await inbox()).map((d) => d.step).sort()).toEqual(['accepted', 'land_allocated']);

    await send('CaseClosed', { ...planned, version: 9, phase: 'closed' });
    docs = await eventually(inbox, (d) => d.length === 0);
    expect(docs).toEqual([]);
  });
});
