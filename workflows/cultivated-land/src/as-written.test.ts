// 青政办发〔2019〕28号 二(二) and 三(十) as the gazette writes them (issue 14, points 3 and 4): the
// rectification steps the text has, and the assessment the 市政府 decides. Pure state, no server.
import { describe, expect, it } from 'vitest';
import type { AssessmentCommand, RectificationCommand } from './contracts/index';
import { applyAssessmentAction, checkAssessmentAction, newAssessmentState } from './assessment';
import { applyRectificationAction, checkRectificationAction, newRectificationState } from './rectification';
import { commendationOf, deadlineRefusals, judgeForCity, participantsOf, rectificationSteps } from './rules';
import { actor } from './testing';

const at = (iso: string) => Date.parse(`${iso}+08:00`);
const facts = (list: { type: string }[]) => list.map((f) => f.type.split('.').at(-2));
const deadlines = {
  verify: '2019-05-31',
  problems: '2019-06-30',
  plan: '2019-07-31',
  rectify: '2019-09-30',
  zones: '2019-10-31',
  amend: '2019-11-30',
};

describe('28号 二(二) as written: 自然资源局 会同农业农村局 verifies, lists and drafts the plan; the town carries it out', () => {
  it('has the text’s steps in its order, each with the unit the text names, and no review or acceptance', () => {
    const steps = rectificationSteps('town-xiaoba', deadlines);
    expect(steps.map((s) => [s.key, s.unitCode, s.withUnits])).toEqual([
      ['verify', 'natres', ['agri']],
      ['problems', 'natres', ['agri']],
      // “以镇行政区划为单元编制整改补划方案”: still 自然资源局会同农业农村局's sentence.
      ['plan', 'natres', ['agri']],
      ['rectify', 'town-xiaoba', []],
      ['zones', 'agri', []],
      ['amend', 'natres', []],
    ]);
    expect(steps.every((s) => s.ref === '二(二)')).toBe(true);
    expect(steps.find((s) => s.key === 'plan')!.title).toBe('以镇行政区划为单元编制整改补划方案');
  });

  it('checks the as-written deadlines in that order, naming the step before', () => {
    expect(deadlineRefusals('2019-04-09', deadlines)).toEqual([]);
    const refusals = deadlineRefusals('2019-04-09', { ...deadlines, rectify: '2019-07-01' });
    expect(refusals).toEqual([
      {
        field: 'body.deadlines.rectify',
        message: expect.stringMatching(/不得早于上一步“以镇行政区划为单元编制整改补划方案”/),
      },
    ]);
  });

  it('walks to closed: 自然资源局 submits the plan, the town rectifies; review-plan and accept do not exist', () => {
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
    const run = (action: string, who: ReturnType<typeof actor>, body: unknown) => {
      const c = { action, actor: who, body } as RectificationCommand;
      checkRectificationAction(s, c);
      return applyRectificationAction(s, c, at('2019-05-02T09:00:00'));
    };
    run('complete-step', actor('bureau', 'natres'), { step: 'verify' });
    run('list-problems', actor('bureau', 'natres'), {
      problems: [
        { category: 'wrongly_designated', parcels: [{ parcelNo: 'XB-01', areaMu: 12 }], disposal: '调出' },
      ],
    });
    expect(() =>
      run('submit-plan', actor('bureau', 'town-xiaoba'), { summary: '补划', supplementaryMu: 12 }),
    ).toThrow(/由自然资源局办理，小坝镇不能办理/);
    run('submit-plan', actor('bureau', 'natres'), { summary: '补划 12 亩', supplementaryMu: 12 });
    expect(s.r.phase).toBe('rectify');
    expect(() =>
      run('review-plan', actor('bureau', 'natres'), { decision: 'approve', reason: '同意' }),
    ).toThrow(/没有步骤 review：二\(二\) 的整改补划方案由自然资源局会同农业农村局编制/);
    expect(() => run('complete-step', actor('bureau', 'natres'), { step: 'rectify' })).toThrow(
      /由小坝镇办理/,
    );
    run('complete-step', actor('bureau', 'town-xiaoba'), { step: 'rectify', note: '已补划 12 亩' });
    run('complete-step', actor('bureau', 'agri'), { step: 'zones' });
    expect(() => run('complete-step', actor('bureau', 'natres'), { step: 'accept' })).toThrow(
      /没有步骤 accept/,
    );
    expect(facts(run('complete-step', actor('bureau', 'natres'), { step: 'amend' }))).toEqual([
      'rectification_step_completed',
      'rectification_closed',
    ]);
    expect(s.r.phase).toBe('closed');
  });

  it('a campaign opened with the first version’s deadlines keeps the first version’s steps', () => {
    const first = { ...deadlines, review: '2019-08-31', accept: '2019-12-31' } as Record<string, string>;
    delete first.rectify;
    const steps = rectificationSteps('town-xiaoba', first as never);
    expect(steps.map((s) => s.key)).toEqual([
      'verify',
      'problems',
      'plan',
      'review',
      'zones',
      'amend',
      'accept',
    ]);
    expect(steps.find((s) => s.key === 'plan')!.unitCode).toBe('town-xiaoba');
  });
});

const targets = { cultivatedLandMu: 120_000, basicFarmlandMu: 95_000, highStandardMu: 8_000 };

describe('28号 三(十): the 市政府 (督查室) decides; 农业农村局、统计局 take part (三(九)); 通报表彰 is a decision', () => {
  it('meeting every target passes the town; it is not commended by itself', () => {
    expect(judgeForCity('小坝镇', 2019, targets, { ...targets })).toEqual({
      outcome: 'passed',
      shortfalls: [],
      summary: '小坝镇2019年度耕地保护责任目标全部完成，考核通过',
    });
    expect(judgeForCity('小坝镇', 2019, targets, { ...targets, highStandardMu: 7_000 })).toMatchObject({
      outcome: 'criticised',
      summary: expect.stringMatching(/通报批评：高标准农田建设面积目标 8000 亩，实际 7000 亩，差 1000 亩/),
    });
  });

  it('通报表彰 needs a reason and is refused for a town that missed a target (予以通报批评)', () => {
    expect(commendationOf('小坝镇', 2019, targets, targets, '补充耕地 300 亩，质量提升一等')).toEqual({
      outcome: 'commended',
      shortfalls: [],
      summary:
        '小坝镇2019年度耕地保护责任目标全部完成，措施得力、成效突出，予以通报表彰：补充耕地 300 亩，质量提升一等',
    });
    expect(commendationOf('大坝镇', 2019, targets, { ...targets, basicFarmlandMu: 1 }, 'x')).toEqual({
      refusal: expect.stringMatching(/大坝镇未完成耕地保护任务.*应予通报批评，不能通报表彰（三\(十\)）/),
    });
  });

  it('农业农村局 and 统计局 always take part; the city may add others, never itself', () => {
    expect(participantsOf()).toEqual(['agri', 'stats']);
    expect(participantsOf(['natres', 'gov-inspection', 'agri'])).toEqual(['agri', 'stats', 'natres']);
  });

  const start = (town = 'town-xiaoba', name = '小坝镇') => {
    const s = newAssessmentState(
      {
        assessmentId: `cl-assess-2019-${town}`,
        year: 2019,
        townCode: town,
        townName: name,
        targets,
        reportDeadline: '2020-01-31',
        setBy: 'inspector',
      },
      at('2020-01-02T09:00:00'),
      { assessedByCity: true },
    );
    const run = (action: string, who: ReturnType<typeof actor>, body: unknown) => {
      const c = { action, actor: who, body } as AssessmentCommand;
      checkAssessmentAction(s, c);
      return applyAssessmentAction(s, c, at('2020-02-10T09:00:00'));
    };
    return { s, run };
  };

  it('the assessing step is 督查室’s; 自然资源局 may not assess; meeting the targets passes', () => {
    const { s, run } = start();
    run('report', actor('bureau', 'town-xiaoba'), { actuals: targets });
    expect(s.a.openStep).toMatchObject({ key: 'assess', unitCode: 'gov-inspection' });
    expect(() => run('assess', actor('bureau', 'natres'), {})).toThrow(/考核由市政府（督查室）办理/);
    expect(facts(run('assess', actor('inspector'), {}))).toEqual(['assessment_passed', 'assessment_closed']);
    expect(s.a.result).toMatchObject({
      outcome: 'passed',
      leadUnit: 'gov-inspection',
      assessors: ['agri', 'stats'],
      commendation: null,
    });
  });

  it('the inspector commends with a reason; a bureau may not; a town short of a target cannot be', () => {
    const { s, run } = start();
    run('report', actor('bureau', 'town-xiaoba'), { actuals: targets });
    expect(() => run('commend', actor('bureau', 'natres'), { reason: '成效突出' })).toThrow(
      /通报表彰由市政府/,
    );
    expect(facts(run('commend', actor('inspector'), { reason: '补充耕地 300 亩' }))).toEqual([
      'town_commended',
      'assessment_closed',
    ]);
    expect(s.a.result).toMatchObject({ outcome: 'commended', commendation: '补充耕地 300 亩' });

    const short = start('town-daba', '大坝镇');
    short.run('report', actor('bureau', 'town-daba'), { actuals: { ...targets, highStandardMu: 7_999 } });
    expect(() => short.run('commend', actor('inspector'), { reason: '成效突出' })).toThrow(/不能通报表彰/);
    // 通报批评, a deadline and the suspension stay as they were.
    expect(() => short.run('assess', actor('inspector'), {})).toThrow(/须规定整改期限/);
    expect(facts(short.run('assess', actor('inspector'), { rectificationDeadline: '2020-04-30' }))).toEqual([
      'town_criticised',
      'land_business_suspended',
    ]);
    expect(short.s.a).toMatchObject({ phase: 'rectifying', suspension: { liftedAt: null } });
  });

  it('an assessment begun before the patch is still 自然资源局’s and commends on meeting the targets', () => {
    const s = newAssessmentState(
      {
        assessmentId: 'cl-assess-2019-town-xiaoba',
        year: 2019,
        townCode: 'town-xiaoba',
        townName: '小坝镇',
        targets,
        reportDeadline: '2020-01-31',
        setBy: 'bureau-natres',
      },
      at('2020-01-02T09:00:00'),
    );
    const run = (action: string, who: ReturnType<typeof actor>, body: unknown) => {
      const c = { action, actor: who, body } as AssessmentCommand;
      checkAssessmentAction(s, c);
      return applyAssessmentAction(s, c, at('2020-02-10T09:00:00'));
    };
    run('report', actor('bureau', 'town-xiaoba'), { actuals: targets });
    expect(s.a.openStep).toMatchObject({ unitCode: 'natres' });
    expect(() => run('commend', actor('inspector'), { reason: 'x' })).toThrow(/由自然资源局考核/);
    expect(() => run('assess', actor('inspector'), {})).toThrow(/由自然资源局办理/);
    expect(facts(run('assess', actor('bureau', 'natres'), {}))).toEqual([
      'town_commended',
      'assessment_closed',
    ]);
    expect(s.a.result).not.toHaveProperty('leadUnit');
  });
});
