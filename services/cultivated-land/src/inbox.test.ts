import { describe, expect, it } from 'vitest';
import type { AssessmentCommand, RectificationCommand } from '@duban/workflow-cultivated-land/client';
import {
  applyAssessmentAction,
  applyRectificationAction,
  newAssessmentState,
  newRectificationState,
} from '@duban/workflow-cultivated-land';
import { summaryOf } from './handlers/project';
import { assessmentEntries, rectificationEntries } from './inbox';

const natres = {
  userId: 'bureau-natres',
  name: '自然资源局',
  role: 'bureau' as const,
  unitCode: 'natres',
  requestId: 'r',
};
const deadlines = {
  verify: '2019-05-31',
  problems: '2019-06-30',
  plan: '2019-07-31',
  review: '2019-08-15',
  zones: '2019-09-30',
  amend: '2019-11-30',
  accept: '2019-12-31',
};
const now = Date.parse('2019-05-02T01:00:00Z');

describe('inbox entries of the cultivated-land process (我的待办)', () => {
  it('the open step goes to its unit and, as cooperating, to the unit that joins it (二(二) 会同)', () => {
    const s = newRectificationState(
      {
        rectificationId: 'c.town-daba',
        campaignId: 'c',
        townCode: 'town-daba',
        townName: '大坝镇',
        deadlines,
      },
      now,
    );
    expect(rectificationEntries(s.r).map((e) => [e._id, e.role, e.deadline])).toEqual([
      ['cultivated-land|c.town-daba|verify|natres', 'lead', '2019-05-31'],
      ['cultivated-land|c.town-daba|verify|agri', 'cooperating', '2019-05-31'],
    ]);
    applyRectificationAction(
      s,
      { action: 'complete-step', actor: natres, body: { step: 'verify' } } as RectificationCommand,
      now,
    );
    applyRectificationAction(
      s,
      {
        action: 'list-problems',
        actor: natres,
        body: {
          problems: [
            { category: 'wrongly_designated', parcels: [{ parcelNo: 'D-1', areaMu: 8 }], disposal: '调出' },
          ],
        },
      } as RectificationCommand,
      now,
    );
    expect(rectificationEntries(s.r)).toEqual([
      expect.objectContaining({
        unitCode: 'town-daba',
        step: 'plan',
        stepLabel: '编制整改补划方案',
        href: '#/land/rectifications/c.town-daba',
        title: '大坝镇永久基本农田划定成果核实整改（c）',
      }),
    ]);
  });

  it('the assessment goes to the town, then to 自然资源局 with 农业农村局 and 统计局 (三(九))', () => {
    const targets = { cultivatedLandMu: 1, basicFarmlandMu: 1, highStandardMu: 1 };
    const s = newAssessmentState(
      {
        assessmentId: 'a',
        year: 2019,
        townCode: 'farms',
        townName: '农林场',
        targets,
        reportDeadline: '2020-01-31',
        setBy: 'x',
      },
      now,
    );
    expect(assessmentEntries(s.a).map((e) => e.unitCode)).toEqual(['farms']);
    applyAssessmentAction(
      s,
      {
        action: 'report',
        actor: { ...natres, unitCode: 'farms' },
        body: { actuals: targets },
      } as AssessmentCommand,
      now,
    );
    expect(assessmentEntries(s.a).map((e) => [e.unitCode, e.role])).toEqual([
      ['natres', 'lead'],
      ['agri', 'cooperating'],
      ['stats', 'cooperating'],
    ]);
    applyAssessmentAction(s, { action: 'assess', actor: natres, body: {} } as AssessmentCommand, now);
    expect(assessmentEntries(s.a)).toEqual([]);
    expect(summaryOf('town_commended', { assessment: s.a })).toBe(
      '农林场2019年度耕地保护责任目标全部完成，予以通报表彰',
    );
  });

  it('28号 三(十): a city-assessed year waits in 政府督查室’s inbox, 农业农村局、统计局 taking part; passing is 考核通过', () => {
    const targets = { cultivatedLandMu: 1, basicFarmlandMu: 1, highStandardMu: 1 };
    const s = newAssessmentState(
      {
        assessmentId: 'a',
        year: 2020,
        townCode: 'farms',
        townName: '农林场',
        targets,
        reportDeadline: '2021-01-31',
        setBy: 'inspector',
      },
      now,
      { assessedByCity: true },
    );
    const farms = { ...natres, unitCode: 'farms' };
    applyAssessmentAction(
      s,
      { action: 'report', actor: farms, body: { actuals: targets } } as AssessmentCommand,
      now,
    );
    expect(assessmentEntries(s.a).map((e) => [e.unitCode, e.role, e.stepLabel])).toEqual([
      ['gov-inspection', 'lead', '考核评定（市政府督查室；农业农村局、统计局参与）'],
      ['agri', 'cooperating', '参与考核：考核评定（市政府督查室；农业农村局、统计局参与）'],
      ['stats', 'cooperating', '参与考核：考核评定（市政府督查室；农业农村局、统计局参与）'],
    ]);
    const inspector = { userId: 'inspector', name: '督查室', role: 'inspector' as const, requestId: 'i' };
    applyAssessmentAction(s, { action: 'assess', actor: inspector, body: {} } as AssessmentCommand, now);
    expect(assessmentEntries(s.a)).toEqual([]);
    expect(summaryOf('assessment_passed', { assessment: s.a })).toBe(
      '农林场2020年度耕地保护责任目标全部完成，考核通过',
    );
  });
});
