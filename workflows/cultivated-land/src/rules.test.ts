import { describe, expect, it } from 'vitest';
import { CultivatedEvents, type AssessmentCommand, type RectificationCommand } from './contracts/index';
import {
  applyAssessmentAction,
  checkAccountability,
  checkAssessmentAction,
  newAssessmentState,
} from './assessment';
import { applyRectificationAction, checkRectificationAction, newRectificationState } from './rectification';
import { deadlineRefusals, judgeAssessment, meetsTarget, shortfalls, suspensionReason } from './rules';
import { actor } from './testing';

const targets = { cultivatedLandMu: 120_000, basicFarmlandMu: 95_000, highStandardMu: 8_000 };
const deadlines = {
  verify: '2019-05-31',
  problems: '2019-06-30',
  plan: '2019-07-31',
  review: '2019-08-31',
  zones: '2019-09-30',
  amend: '2019-11-30',
  accept: '2019-12-31',
};
const at = (iso: string) => Date.parse(`${iso}+08:00`);

describe('三(十) 耕地保护年度责任目标考核: targets are 不低于 (Civil Code art. 1259)', () => {
  it('an actual equal to the target meets it: 不低于 includes the boundary', () => {
    expect(meetsTarget(95_000, 95_000)).toBe(true);
    expect(meetsTarget(95_000.001, 95_000)).toBe(true);
    expect(meetsTarget(94_999.99, 95_000)).toBe(false);
  });

  it('a town meeting every target exactly is commended (通报表彰)', () => {
    expect(judgeAssessment('小坝镇', 2019, targets, { ...targets })).toMatchObject({
      outcome: 'commended',
      shortfalls: [],
      summary: expect.stringMatching(/通报表彰/),
    });
  });

  it('a town missing targets is criticised (通报批评), naming each target and by how much', () => {
    const actuals = { cultivatedLandMu: 119_500.5, basicFarmlandMu: 95_000, highStandardMu: 7_000 };
    const verdict = judgeAssessment('大坝镇', 2019, targets, actuals);
    expect(verdict.outcome).toBe('criticised');
    expect(verdict.shortfalls).toEqual([
      {
        target: 'cultivatedLandMu',
        label: '耕地保有量',
        targetMu: 120_000,
        actualMu: 119_500.5,
        shortfallMu: 499.5,
      },
      {
        target: 'highStandardMu',
        label: '高标准农田建设面积',
        targetMu: 8_000,
        actualMu: 7_000,
        shortfallMu: 1_000,
      },
    ]);
    expect(verdict.summary).toContain('耕地保有量目标 120000 亩，实际 119500.5 亩，差 499.5 亩');
    expect(shortfalls(targets, { ...targets, basicFarmlandMu: 0 })).toHaveLength(1);
  });

  it('the suspension names the assessment (整改期间暂停办理涉及土地管理的有关业务)', () => {
    expect(suspensionReason('小坝镇', 2019, 'cl-assess-2019-town-xiaoba')).toBe(
      '小坝镇2019年度耕地保护责任目标考核未通过，整改期间暂停办理涉及土地管理的有关业务（考核 cl-assess-2019-town-xiaoba）',
    );
  });
});

describe('二(二) campaign deadlines', () => {
  it('accepts deadlines in step order after the start (equal dates allowed)', () => {
    expect(deadlineRefusals('2019-04-09', { ...deadlines, problems: deadlines.verify })).toEqual([]);
  });
  it('refuses a deadline not after the start or earlier than the step before, naming the field', () => {
    const refusals = deadlineRefusals('2019-05-31', { ...deadlines, review: '2019-07-01' });
    expect(refusals.map((r) => r.field)).toEqual(['body.deadlines.verify', 'body.deadlines.review']);
    expect(refusals[1]!.message).toMatch(/不得早于上一步“编制整改补划方案”的期限 2019-07-31/);
  });
});

describe('a town rectification as pure state (二(二))', () => {
  const cmd = (action: string, who: ReturnType<typeof actor>, body: unknown) =>
    ({ action, actor: who, body }) as RectificationCommand;
  it('walks the steps in order, each by its own unit; a returned plan goes back to the town', () => {
    const s = newRectificationState(
      {
        rectificationId: 'c.town-xiaoba',
        campaignId: 'c',
        townCode: 'town-xiaoba',
        townName: '小坝镇',
        deadlines,
      },
      at('2019-05-01T09:00:00'),
    );
    const now = at('2019-05-02T09:00:00');
    const run = (c: RectificationCommand) => {
      checkRectificationAction(s, c);
      return applyRectificationAction(s, c, now);
    };
    expect(() => run(cmd('complete-step', actor('bureau', 'agri'), { step: 'verify' }))).toThrow(
      /由自然资源局办理/,
    );
    expect(() => run(cmd('complete-step', actor('bureau', 'natres'), { step: 'amend' }))).toThrow(
      /须在“核实永久基本农田划定成果”办结后办理/,
    );
    run(cmd('complete-step', actor('bureau', 'natres'), { step: 'verify' }));
    const facts = run(
      cmd('list-problems', actor('bureau', 'natres'), {
        problems: [
          {
            category: 'designation_untrue',
            parcels: [
              { parcelNo: 'XB-01', areaMu: 12.5 },
              { parcelNo: 'XB-02', areaMu: 3 },
            ],
            disposal: '调出并补划',
          },
          {
            category: 'illegal_occupation',
            parcels: [{ parcelNo: 'XB-07', areaMu: 4.25 }],
            disposal: '立案查处，恢复耕种',
          },
        ],
      }),
    );
    expect(facts.map((f) => f.type.split('.').at(-2))).toEqual([
      'problems_listed',
      'rectification_step_completed',
    ]);
    expect(s.r.problemAreaMu).toBe(19.75);
    expect(() =>
      run(cmd('submit-plan', actor('bureau', 'natres'), { summary: 'x', supplementaryMu: 1 })),
    ).toThrow(/由小坝镇办理/);
    run(cmd('submit-plan', actor('bureau', 'town-xiaoba'), { summary: '补划 20 亩', supplementaryMu: 20 }));
    run(cmd('review-plan', actor('bureau', 'natres'), { decision: 'return', reason: '补划地块质量不足' }));
    expect(s.r.phase).toBe('plan');
    run(
      cmd('submit-plan', actor('bureau', 'town-xiaoba'), {
        summary: '补划 20 亩优质耕地',
        supplementaryMu: 20,
      }),
    );
    run(cmd('review-plan', actor('bureau', 'natres'), { decision: 'approve', reason: '同意' }));
    expect(s.r.plan?.round).toBe(2);
    run(cmd('complete-step', actor('bureau', 'agri'), { step: 'zones' }));
    run(cmd('complete-step', actor('bureau', 'natres'), { step: 'amend' }));
    const last = run(cmd('complete-step', actor('bureau', 'natres'), { step: 'accept' }));
    expect(last.at(-1)!.type).toContain('rectification_closed');
    expect(s.r.phase).toBe('closed');
  });
});

describe('a yearly assessment as pure state (三(十))', () => {
  const cmd = (action: string, who: ReturnType<typeof actor>, body: unknown) =>
    ({ action, actor: who, body }) as AssessmentCommand;
  it('a failing town is suspended; 问责 only after the end of the deadline day; pass lifts', () => {
    const s = newAssessmentState(
      {
        assessmentId: 'cl-assess-2019-town-daba',
        year: 2019,
        townCode: 'town-daba',
        townName: '大坝镇',
        targets,
        reportDeadline: '2020-01-31',
        setBy: 'bureau-natres',
      },
      at('2020-01-02T09:00:00'),
    );
    const run = (c: AssessmentCommand, now: number) => {
      checkAssessmentAction(s, c);
      return applyAssessmentAction(s, c, now);
    };
    expect(() => run(cmd('report', actor('bureau', 'town-xiaoba'), { actuals: targets }), 0)).toThrow(
      /由大坝镇报告/,
    );
    run(
      cmd('report', actor('bureau', 'town-daba'), { actuals: { ...targets, highStandardMu: 7_999 } }),
      at('2020-01-10T09:00:00'),
    );
    expect(() => run(cmd('assess', actor('bureau', 'natres'), {}), 0)).toThrow(/须规定整改期限/);
    const facts = run(
      cmd('assess', actor('bureau', 'natres'), { rectificationDeadline: '2020-03-31' }),
      at('2020-01-20T09:00:00'),
    );
    expect(facts.map((f) => f.type.split('.').at(-2))).toEqual([
      'town_criticised',
      'land_business_suspended',
    ]);
    expect(s.a.suspension).toMatchObject({
      townCode: 'town-daba',
      liftedAt: null,
      rectificationDeadline: '2020-03-31',
    });
    expect(checkAccountability(s, at('2020-03-31T23:59:59'))).toEqual([]);
    run(
      cmd('report-rectification', actor('bureau', 'town-daba'), {
        actuals: { ...targets, highStandardMu: 7_999 },
        note: '补建中',
      }),
      at('2020-03-01T09:00:00'),
    );
    expect(() =>
      run(cmd('verify-rectification', actor('bureau', 'natres'), { decision: 'pass', note: 'ok' }), 0),
    ).toThrow(/整改后仍未完成目标/);
    run(
      cmd('verify-rectification', actor('bureau', 'natres'), { decision: 'fail', note: '仍差 1 亩' }),
      at('2020-03-02T09:00:00'),
    );
    expect(checkAccountability(s, at('2020-04-01T00:00:01')).map((f) => f.type)).toEqual([
      CultivatedEvents.AccountabilityEscalated.type,
    ]);
    run(
      cmd('report-rectification', actor('bureau', 'town-daba'), { actuals: targets, note: '已完成' }),
      at('2020-04-10T09:00:00'),
    );
    const lifted = run(
      cmd('verify-rectification', actor('bureau', 'natres'), { decision: 'pass', note: '核查通过' }),
      at('2020-04-11T09:00:00'),
    );
    expect(lifted.map((f) => f.type.split('.').at(-2))).toEqual(['suspension_lifted', 'assessment_closed']);
    expect(s.a.suspension?.liftedAt).not.toBeNull();
  });

  it('三(十) 整改不到位的问责: not raised while a reported rectification waits for its verification', () => {
    const fresh = () => {
      const s = newAssessmentState(
        {
          assessmentId: 'cl-assess-2019-town-daba',
          year: 2019,
          townCode: 'town-daba',
          townName: '大坝镇',
          targets,
          reportDeadline: '2020-01-31',
          setBy: 'bureau-natres',
        },
        at('2020-01-02T09:00:00'),
      );
      s.waitsForVerification = true;
      const run = (c: AssessmentCommand, now: number) => {
        checkAssessmentAction(s, c);
        return applyAssessmentAction(s, c, now);
      };
      const short = { ...targets, highStandardMu: 7_999 };
      run(cmd('report', actor('bureau', 'town-daba'), { actuals: short }), at('2020-01-10T09:00:00'));
      run(
        cmd('assess', actor('bureau', 'natres'), { rectificationDeadline: '2020-03-31' }),
        at('2020-01-20T09:00:00'),
      );
      run(
        cmd('report-rectification', actor('bureau', 'town-daba'), { actuals: targets, note: '已完成' }),
        at('2020-03-30T09:00:00'),
      );
      return { s, run };
    };
    const afterDeadline = at('2020-04-01T00:00:01');
    // Reported on time, verified after the deadline: passed, so no 问责.
    const passed = fresh();
    expect(checkAccountability(passed.s, afterDeadline)).toEqual([]);
    expect(passed.s.a.escalatedAt).toBeNull();
    passed.run(
      cmd('verify-rectification', actor('bureau', 'natres'), { decision: 'pass', note: '核查通过' }),
      at('2020-04-05T09:00:00'),
    );
    expect(passed.s.a).toMatchObject({ phase: 'closed', escalatedAt: null });
    // Failed after the deadline: 问责 is raised once the verification says so.
    const failed = fresh();
    expect(checkAccountability(failed.s, afterDeadline)).toEqual([]);
    failed.run(
      cmd('verify-rectification', actor('bureau', 'natres'), { decision: 'fail', note: '未到位' }),
      at('2020-04-05T09:00:00'),
    );
    expect(checkAccountability(failed.s, at('2020-04-05T09:00:00')).map((f) => f.type)).toEqual([
      CultivatedEvents.AccountabilityEscalated.type,
    ]);
    // Assessments opened before the rule raise it at the deadline, as they did.
    const before = fresh();
    before.s.waitsForVerification = false;
    expect(checkAccountability(before.s, afterDeadline)).toHaveLength(1);
  });
});
