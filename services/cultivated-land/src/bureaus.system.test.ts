import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectBus, ensureStreams, publishEvent, type Bus, type RunningConsumer } from '@duban/bus';
import { CultivatedEvents, type AssessmentCommand } from '@duban/workflow-cultivated-land/client';
import { ReadModels, type Actor, type InboxDoc } from '@duban/contracts';
import { connectStore, type Store } from '@duban/store';
import { applyAssessmentAction, newAssessmentState } from '@duban/workflow-cultivated-land';
import { startNatresLandModule } from './bureaus/natres/index';
import { startTownsLandModule } from './bureaus/towns/index';
import { suspensions } from './collections';
import { activeSuspension } from './suspension';

// 三(十): the 自然资源局 module keeps one suspension document per town from the assessment facts
// (the contract the land-use approvals read); a repeated, older or other-year fact never undoes a
// newer one. The towns' module keeps the town's inbox entry in step.
describe('自然资源局 suspension module over the real engines', () => {
  let bus: Bus;
  let store: Store;
  const modules: RunningConsumer[] = [];
  const run = Date.now().toString(36);
  // A town no other system test assesses: the consumers see the whole shared stream.
  const town = 'town-xiakou';

  beforeAll(async () => {
    const stack = inject('stack');
    bus = await connectBus(stack.natsUrl, { name: 'cl-bureaus-tests' });
    await ensureStreams(bus.jsm);
    store = await connectStore(stack.mongoUri, `${stack.mongoDb}_cl_bureaus_${run}`);
    modules.push(await startNatresLandModule({ bus, db: store.db, durable: `cl-natres-test-${run}` }));
    modules.push(await startTownsLandModule({ bus, db: store.db, durable: `cl-towns-test-${run}` }));
  });

  afterAll(async () => {
    for (const m of modules) await m.stop();
    await store?.db.dropDatabase();
    await store?.close();
    await bus?.close();
  });

  const natres: Actor = {
    userId: 'bureau-natres',
    name: '自然资源局',
    role: 'bureau',
    unitCode: 'natres',
    requestId: 'r1',
  };
  const townActor: Actor = {
    userId: `bureau-${town}`,
    name: '峡口镇',
    role: 'bureau',
    unitCode: town,
    requestId: 'r2',
  };
  const targets = { cultivatedLandMu: 100, basicFarmlandMu: 80, highStandardMu: 10 };
  const at = (iso: string) => Date.parse(iso);

  /** The assessment of `year` criticised (and, with `lift`, rectified), as the workflow would carry it. */
  function assessment(year: number, lift: boolean) {
    const s = newAssessmentState(
      {
        assessmentId: `cl-assess-${year}-${town}-${run}`,
        year,
        townCode: town,
        townName: '峡口镇',
        targets,
        reportDeadline: `${year + 1}-01-31`,
        setBy: 'bureau-natres',
      },
      at(`${year + 1}-01-02T01:00:00Z`),
    );
    const act = (action: string, actor: Actor, body: unknown, when: string) =>
      applyAssessmentAction(s, { action, actor, body } as AssessmentCommand, at(when));
    act('report', townActor, { actuals: { ...targets, highStandardMu: 5 } }, `${year + 1}-01-10T01:00:00Z`);
    act('assess', natres, { rectificationDeadline: `${year + 1}-06-30` }, `${year + 1}-01-20T01:00:00Z`);
    s.a.version = 4;
    if (lift) {
      act(
        'report-rectification',
        townActor,
        { actuals: targets, note: '已补足' },
        `${year + 1}-03-01T01:00:00Z`,
      );
      act('verify-rectification', natres, { decision: 'pass', note: '通过' }, `${year + 1}-03-02T01:00:00Z`);
      s.a.version = 8;
    }
    return s.a;
  }

  const publish = (
    fact: 'land_business_suspended' | 'suspension_lifted',
    a: ReturnType<typeof assessment>,
    time: string,
    id: string,
  ) =>
    publishEvent(bus.js, {
      type: (fact === 'land_business_suspended'
        ? CultivatedEvents.LandBusinessSuspended
        : CultivatedEvents.SuspensionLifted
      ).type,
      id: `${id}-${run}`,
      source: 'duban/tests/cultivated-land',
      subject: a.assessmentId,
      time,
      data: { assessment: a, suspension: a.suspension! },
      actorId: 'bureau-natres',
    });
  const stored = () => suspensions(store.db).findOne({ _id: town });
  async function until(ok: () => Promise<boolean>) {
    for (let i = 0; i < 200; i += 1) {
      if (await ok()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('module did not apply the event');
  }
  const inbox = () =>
    store.db
      .collection<InboxDoc>(ReadModels.inbox)
      .find({ process: 'cultivated-land', unitCode: town })
      .toArray();

  it('places, keeps and lifts the hold by the facts, never going back in time', async () => {
    const y2019 = assessment(2019, false);
    await publish('land_business_suspended', y2019, '2020-01-20T01:00:00.000Z', 'placed-2019');
    await until(async () => (await stored())?.suspended === true);
    expect(await stored()).toMatchObject({
      _id: town,
      townCode: town,
      suspended: true,
      assessmentId: y2019.assessmentId,
      year: 2019,
      reason: `峡口镇2019年度耕地保护责任目标考核未通过，整改期间暂停办理涉及土地管理的有关业务（考核 ${y2019.assessmentId}）`,
      rectificationDeadline: '2020-06-30',
      liftedAt: null,
    });
    expect((await activeSuspension(store.db, town))?.assessmentId).toBe(y2019.assessmentId);
    await until(async () => (await inbox()).some((e) => e.step === 'rectify'));
    expect((await inbox())[0]).toMatchObject({
      itemId: y2019.assessmentId,
      deadline: '2020-06-30',
      role: 'lead',
    });

    const lifted2019 = assessment(2019, true);
    await publish('suspension_lifted', lifted2019, '2020-03-02T01:00:00.000Z', 'lifted-2019');
    await until(async () => (await stored())?.suspended === false);
    expect(await activeSuspension(store.db, town)).toBeNull();
    await until(async () => (await inbox()).length === 0);

    // Facts for another town, published after the ones under test: once applied, those are too.
    let markers = 0;
    const marker = async () => {
      markers += 1;
      const m = assessment(2021, false);
      const other = {
        ...m,
        townCode: 'town-shaogang',
        suspension: { ...m.suspension!, townCode: 'town-shaogang' },
      };
      const since = `2022-0${markers}-01T01:00:00.000Z`;
      await publish(
        'land_business_suspended',
        { ...other, suspension: { ...other.suspension, since } },
        since,
        `marker-${markers}`,
      );
      await until(
        async () => (await suspensions(store.db).findOne({ _id: 'town-shaogang' }))?.since === since,
      );
    };

    // An older fact arriving late (another id, an earlier time) does not suspend the town again.
    await publish('land_business_suspended', y2019, '2020-01-19T01:00:00.000Z', 'placed-2019-late');
    await marker();
    expect(await stored()).toMatchObject({ suspended: false, liftedAt: lifted2019.suspension!.liftedAt });

    // A new year's suspension does, and a later lift of the earlier year does not free it.
    const y2020 = assessment(2020, false);
    await publish('land_business_suspended', y2020, '2021-01-20T01:00:00.000Z', 'placed-2020');
    await publish('suspension_lifted', lifted2019, '2021-02-01T01:00:00.000Z', 'lifted-2019-again');
    await marker();
    expect(await stored()).toMatchObject({ suspended: true, assessmentId: y2020.assessmentId, year: 2020 });
  });
});
