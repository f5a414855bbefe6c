import { describe, expect, it } from 'vitest';
import { ActionRefusedError } from '@duban/workflow-core/refusal';
import type { Actor } from '@duban/contracts';
import {
  actionsOpenTo,
  applyAction,
  newApplicationState,
  nextWakeAt,
  onTime,
  type ApplicationState,
} from './application';
import { CONTRACT_COPIES, LandTransferEvents as E, type TransferCommand } from './contracts/index';
import { actor, allPassed, applicationOf } from './testing';

const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);
const start = (areaMu: number, operatorOtherMu = 0, over = {}) =>
  newApplicationState(
    { applicationId: 'LZ-1', application: applicationOf(areaMu, over), operatorOtherMu, filedBy: 'op' },
    at('2019-05-06T09:00:00'),
  );
const act = (
  s: ApplicationState,
  who: Actor,
  action: TransferCommand['action'],
  body: object,
  when = '2019-05-20T10:00:00',
  context?: TransferCommand['context'],
) =>
  applyAction(
    s,
    { action, actor: who, body: body as Record<string, unknown>, ...(context ? { context } : {}) },
    at(when),
  );
const village = () => actor('bureau', 'village-xiaoba-minle');
const town = () => actor('bureau', 'town-xiaoba');
const refusedWith = (fn: () => unknown, reason: RegExp) => {
  expect(fn).toThrow(ActionRefusedError);
  expect(fn).toThrow(reason);
};
const decideBody = {
  on: '2019-05-20',
  checks: allPassed,
  decision: 'implement',
  reasons: '群众意见一致，风险可控',
};

describe('one land-transfer application (青政发〔2019〕34号)', () => {
  it('a 79.9% meeting closes the application (第三十五条(二))', () => {
    const s = start(50);
    const facts = act(s, village(), 'meeting', {
      heldOn: '2019-05-10',
      members: 1000,
      present: 900,
      inFavour: 799,
    });
    expect(facts.map((f) => f[0])).toEqual([E.MeetingFailed.type, E.ApplicationClosed.type]);
    expect(s.app).toMatchObject({ stage: 'closed', outcome: 'meeting-failed' });
  });

  it('village tier: the village decides, the town files; only the village’s own committee acts (第三十六条)', () => {
    const s = start(80);
    refusedWith(
      () =>
        act(s, actor('bureau', 'village-other'), 'meeting', {
          heldOn: '2019-05-10',
          members: 40,
          present: 40,
          inFavour: 32,
        }),
      /民乐村村委会/,
    );
    act(s, village(), 'meeting', { heldOn: '2019-05-10', members: 40, present: 40, inFavour: 32 });
    refusedWith(() => act(s, town(), 'decide', decideBody), /第三十六条/);
    refusedWith(() => act(s, village(), 'town-review', decideBody), /第三十八条/);
    act(s, village(), 'decide', decideBody);
    refusedWith(
      () => act(s, village(), 'contract', { signedOn: '2019-05-25', copies: ['承包方', '受让方', '发包方'] }),
      /第二十条.*镇土地流转服务中心/,
    );
    act(s, village(), 'contract', { signedOn: '2019-05-25', copies: [...CONTRACT_COPIES] });
    refusedWith(
      () => act(s, actor('bureau', 'agri-econ-station'), 'file', { on: '2019-05-27' }),
      /第三十六条/,
    );
    act(s, town(), 'file', { on: '2019-05-27' });
    expect(s.app.stage).toBe('settlement');
    // 80 亩, local: no deposit in principle; rent first all the same.
    refusedWith(
      () => act(s, village(), 'settle', { on: '2019-06-01', rentPaidOn: null, arrangement: 'not-required' }),
      /先付租金/,
    );
    act(s, village(), 'settle', {
      on: '2019-06-01',
      rentPaidOn: '2019-06-01',
      arrangement: 'not-required',
      cleanRecord: false,
    });
    expect(s.app).toMatchObject({ stage: 'in-use', reports: { period: '2019H1', due: '2019-07-31' } });
  });

  it('a refused 实施 names what failed, the cap and the figures (第二十三、三十条)', () => {
    const s = start(300, 4800);
    act(s, village(), 'meeting', { heldOn: '2019-05-10', members: 40, present: 38, inFavour: 35 });
    refusedWith(
      () =>
        act(s, town(), 'decide', {
          ...decideBody,
          checks: { ...allPassed, credit: { passed: false, note: '有不良记录' } },
        }),
      /第三十条.*诚信情况审查/,
    );
    refusedWith(
      () => act(s, town(), 'decide', decideBody),
      /现已租赁（含在办）4800 亩，本次 300 亩，合计将为 5100 亩/,
    );
    // The service tells the operator's area as it is at the decision: another application lapsed.
    act(s, town(), 'decide', decideBody, '2019-05-20T10:00:00', { operatorOtherMu: 4700 });
    expect(s.app.decision).toMatchObject({ decision: 'implement' });
  });

  it('city tier: the town reviews first, then the city group (leader) decides; 不实施 closes with reasons (第三十八条)', () => {
    const s = start(500);
    act(s, village(), 'meeting', { heldOn: '2019-05-10', members: 40, present: 40, inFavour: 40 });
    refusedWith(() => act(s, actor('leader'), 'decide', decideBody), /须先经镇政府审查/);
    act(s, town(), 'town-review', decideBody);
    expect(s.app.stage).toBe('city-review');
    refusedWith(() => act(s, town(), 'decide', decideBody), /第三十八条/);
    const facts = act(s, actor('leader'), 'decide', {
      ...decideBody,
      decision: 'reject',
      reasons: '项目与产业布局不符',
    });
    expect(facts.map((f) => f[0])).toEqual([E.ReviewDecided.type, E.ApplicationClosed.type]);
    expect(s.app).toMatchObject({ outcome: 'not-implemented', decision: { reasons: '项目与产业布局不符' } });
  });

  function inUse(areaMu: number, over = {}) {
    const s = start(areaMu, 0, over);
    act(s, village(), 'meeting', { heldOn: '2019-05-10', members: 40, present: 40, inFavour: 40 });
    act(s, town(), 'decide', decideBody);
    act(s, village(), 'contract', { signedOn: '2019-05-25', copies: [...CONTRACT_COPIES] });
    act(s, actor('bureau', 'agri-econ-station'), 'file', { on: '2019-05-27' });
    return s;
  }

  it('the deposit: cash to the village, alternatives only by the town; a 第四十九条 event draws it, recording which', () => {
    const s = inUse(200);
    refusedWith(
      () =>
        act(s, village(), 'settle', {
          on: '2019-07-02',
          rentPaidOn: '2019-07-01',
          arrangement: 'waived',
          cleanRecord: true,
        }),
      /镇政府决定/,
    );
    refusedWith(
      () =>
        act(s, village(), 'settle', {
          on: '2019-07-02',
          rentPaidOn: '2019-07-01',
          arrangement: 'cash',
          paidYuan: 30000,
        }),
      /36000 元/,
    );
    act(s, village(), 'settle', {
      on: '2019-07-02',
      rentPaidOn: '2019-07-01',
      arrangement: 'cash',
      paidYuan: 36000,
    });
    expect(s.app.deposit).toMatchObject({ held: true, cashYuan: 36000, arrangement: 'cash' });
    const facts = act(
      s,
      actor('bureau', 'agri'),
      'risk-event',
      { clause: 4, on: '2020-03-01', note: '企业停止经营，负责人下落不明' },
      '2020-03-02T09:00:00',
    );
    expect(facts.map((f) => f[0])).toEqual([E.RiskCaseOpened.type, E.DepositDrawn.type]);
    expect(s.app.deposit.drawn).toMatchObject({ clause: 4, amountYuan: 36000 });
    expect(s.app.deposit.drawn?.clauseText).toContain('第四十九条(四)');
  });

  it('at the term’s end a held deposit falls due for refund; none held closes the application (第四十三条)', () => {
    const s = inUse(150, { termEnd: '2020-12-31' });
    act(s, town(), 'settle', {
      on: '2019-07-02',
      rentPaidOn: '2019-07-01',
      arrangement: 'asset-pledge',
      cleanRecord: true,
      fixedAssetsYuan: 1e6,
    });
    expect(nextWakeAt(s, at('2019-07-03T00:00:00'))).toBe(at('2020-01-25T00:00:00')); // 2019H2 due 2020-01-31: blue from 01-25;
    onTime(s, at('2021-01-01T00:00:00'));
    expect(s.app.stage).toBe('expired');
    act(s, village(), 'refund', { on: '2021-01-05' }, '2021-01-05T09:00:00');
    expect(s.app).toMatchObject({
      stage: 'closed',
      outcome: 'completed',
      deposit: { refundedOn: '2021-01-05', held: false },
    });
  });

  describe('the yearly supervision as a deadline (第三十九条 市农业农村局、各镇政府每年…定期开展监督)', () => {
    const agri = () => actor('bureau', 'agri');
    const settled = (yearly: boolean) => {
      const s = inUse(150, { termEnd: '2020-12-31' });
      if (yearly) s.yearlySupervision = true;
      act(s, town(), 'settle', {
        on: '2019-07-02',
        rentPaidOn: '2019-07-01',
        arrangement: 'asset-pledge',
        cleanRecord: true,
        fixedAssetsYuan: 1e6,
      });
      return s;
    };
    const supervisionFacts = (facts: ReturnType<typeof onTime>) =>
      facts.filter((f) => f[0] === E.SupervisionColourChanged.type).map((f) => (f[2] as { to: string }).to);

    it('the year the land goes into use is due by 12-31: blue before, yellow after, red 30 days on; the report’s colour stays its own', () => {
      const s = settled(true);
      expect(s.app.supervision).toEqual({ year: 2019, due: '2019-12-31', colour: 'green' });
      expect(nextWakeAt(s, at('2019-07-03T00:00:00'))).toBe(at('2019-12-25T00:00:00'));
      expect(supervisionFacts(onTime(s, at('2019-12-25T00:00:00')))).toEqual(['blue']);
      expect(supervisionFacts(onTime(s, at('2020-01-01T00:00:00')))).toEqual(['yellow']);
      expect(supervisionFacts(onTime(s, at('2020-01-31T00:00:00')))).toEqual(['red']);
      expect(s.app.supervision?.colour).toBe('red');
      expect(s.app.reports.due).toBe('2020-01-31');
      expect(s.app.colour).not.toBe('red'); // the 2019H2 report is late, not 30 days late
    });

    it('a supervision of the awaited year moves the deadline to the next; none after the term’s last year', () => {
      const s = settled(true);
      onTime(s, at('2020-02-01T00:00:00'));
      act(
        s,
        agri(),
        'supervise',
        { year: 2019, on: '2020-02-01', findings: '经营正常' },
        '2020-02-01T09:00:00',
      );
      expect(s.app.supervision).toMatchObject({ year: 2020, due: '2020-12-31' });
      expect(supervisionFacts(onTime(s, at('2020-02-01T09:00:00')))).toEqual(['green']);
      act(
        s,
        town(),
        'supervise',
        { year: 2020, on: '2020-11-01', findings: '未改变用途' },
        '2020-11-01T09:00:00',
      );
      expect(s.app.supervision).toBeNull();
      onTime(s, at('2021-01-01T00:00:00'));
      expect(s.app.stage).toBe('expired');
    });

    it('the due month-day is the start input’s (setting land-transfer.supervision-due); a resumed state without it keeps 12-31', () => {
      const s = settled(true);
      s.settings.supervisionDue = '11-30';
      act(
        s,
        agri(),
        'supervise',
        { year: 2019, on: '2019-08-01', findings: '经营正常' },
        '2019-08-01T09:00:00',
      );
      expect(s.app.supervision).toMatchObject({ year: 2020, due: '2020-11-30' });
      const old = settled(true);
      delete (old.settings as { supervisionDue?: string }).supervisionDue;
      act(
        old,
        agri(),
        'supervise',
        { year: 2019, on: '2019-08-01', findings: '经营正常' },
        '2019-08-01T09:00:00',
      );
      expect(old.app.supervision).toMatchObject({ year: 2020, due: '2020-12-31' });
    });

    it('applications started before the deadline was kept have none (recorded histories replay unchanged)', () => {
      const s = settled(false);
      expect(s.app.supervision).toBeUndefined();
      expect(nextWakeAt(s, at('2019-07-03T00:00:00'))).toBe(at('2020-01-25T00:00:00'));
      expect(supervisionFacts(onTime(s, at('2020-03-01T00:00:00')))).toEqual([]);
    });
  });

  it('the steps open to each unit: the tier’s decider, the town files a village decision, 农业农村局 supervises (第三十六–三十九条)', () => {
    const open = (s: ApplicationState, who: Actor) => actionsOpenTo(s.app, who);
    const agri = actor('bureau', 'agri');
    const operator = actor('bureau', 'operator-huinong');
    const small = start(50);
    act(small, village(), 'meeting', { heldOn: '2019-05-10', members: 10, present: 10, inFavour: 8 });
    expect(open(small, village())).toEqual(['decide']);
    expect(open(small, town())).toEqual([]);
    const big = start(600);
    act(big, village(), 'meeting', { heldOn: '2019-05-10', members: 10, present: 10, inFavour: 8 });
    expect(open(big, town())).toEqual(['town-review']);
    expect(open(big, actor('leader'))).toEqual([]);
    act(big, town(), 'town-review', decideBody);
    expect(open(big, actor('leader'))).toEqual(['decide']);
    expect(open(big, agri)).toEqual(['decide']);
    expect(open(big, town())).toEqual([]);
    const used = inUse(200);
    expect(open(used, village())).toEqual(['settle']);
    expect(open(used, town())).toEqual(['settle']);
    expect(open(used, operator)).toEqual([]);
    act(used, village(), 'settle', {
      on: '2019-07-02',
      rentPaidOn: '2019-07-01',
      arrangement: 'cash',
      paidYuan: 36000,
    });
    expect(open(used, operator)).toEqual(['report']);
    expect(open(used, agri)).toEqual(['supervise', 'risk-event']);
    expect(open(used, village())).toEqual([]);
  });
});
