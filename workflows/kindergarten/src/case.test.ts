import { describe, expect, it } from 'vitest';
import { CAMPAIGN_2019 } from './campaign';
import {
  dueForEscalation,
  newCaseState,
  nextWakeAt,
  PROGRESS_REPORTS,
  progressReportsOf,
  refreshColours,
  type CaseState,
} from './case';
import { rectificationSteps } from './rules';

// Shanghai wall-clock instant → epoch ms.
const at = (shanghai: string) => Date.parse(`${shanghai}+08:00`);

/** A build case planned on 2019-10-08, with the new rules (reports, milestones, escalation) on. */
function buildCase(upgraded = true): CaseState {
  const state = newCaseState(
    {
      caseId: 'kg-2019.p-test',
      campaignId: 'kg-2019',
      projectId: 'p-test',
      facts: {
        projectName: '锦绣华庭',
        town: '小坝镇',
        developer: '某置业',
        landTenure: 'transferred',
        plannedOn: '2018-03-01',
        builtOn: null,
        condition: 'missing',
        proposedCategory: 'build',
        projectStatus: 'under_construction',
      },
      deadlines: CAMPAIGN_2019.deadlines,
      escalateAfterRedDays: 10,
    },
    at('2019-10-08T09:00:00'),
  );
  state.upgraded = upgraded;
  state.escalatedRedSince = null;
  state.case.phase = 'rectifying';
  state.case.steps = rectificationSteps('build', CAMPAIGN_2019.deadlines);
  refreshColours(state, at('2019-10-08T09:00:00'));
  return state;
}
const step = (s: CaseState, key: string) => s.case.steps.find((x) => x.key === key)!;

describe('warning ladder of a case (DESIGN §5)', () => {
  it('a monthly report not made by the 25th (working day) turns the step yellow until it is made', () => {
    const s = buildCase();
    expect(step(s, 'land_allocated')).toMatchObject({ nextReportDue: '2019-10-25', reportMissing: false });
    // The wake-up for the report falls at the end of the due day.
    expect(nextWakeAt(s, at('2019-10-08T09:00:00'))).toBe(at('2019-10-26T00:00:00'));
    expect(refreshColours(s, at('2019-10-25T23:59:00'))).toBeNull();
    const change = refreshColours(s, at('2019-10-26T00:00:01'));
    expect(change).toMatchObject({ from: 'green', to: 'yellow' });
    expect(change!.reason).toMatch(/未按期报送进展：自然资源局“重新审核配套幼儿园建设规划并划拨建设用地”/);
    step(s, 'land_allocated').lastReportAt = new Date(at('2019-10-28T10:00:00')).toISOString();
    step(s, 'project_approved').lastReportAt = new Date(at('2019-10-28T10:00:00')).toISOString();
    expect(refreshColours(s, at('2019-10-28T10:00:01'))).toMatchObject({ from: 'yellow', to: 'green' });
    // One report in each period between due days: the one of 10-28 falls in the period ending on
    // Monday 2019-11-25; nothing in the period ending on 2019-12-25 is missing again.
    expect(step(s, 'land_allocated').nextReportDue).toBe('2019-11-25');
    refreshColours(s, at('2019-11-26T08:00:00'));
    expect(step(s, 'land_allocated')).toMatchObject({ reportMissing: false, nextReportDue: '2019-12-25' });
    refreshColours(s, at('2019-12-26T08:00:00'));
    expect(step(s, 'land_allocated')).toMatchObject({ reportMissing: true, colour: 'red' });
  });

  it('a waiting step whose prerequisite is overdue has a slipped milestone (yellow)', () => {
    const s = buildCase();
    refreshColours(s, at('2019-12-01T00:00:01'));
    expect(step(s, 'land_allocated').colour).toBe('red');
    expect(step(s, 'accepted')).toMatchObject({ state: 'waiting', milestoneSlipped: true, colour: 'yellow' });
    expect(step(s, 'assets_registered')).toMatchObject({ milestoneSlipped: false });
  });

  it('a case red for its threshold is due for escalation once per red episode', () => {
    const s = buildCase();
    refreshColours(s, at('2019-12-01T00:00:01'));
    expect(s.case.redSince).toBe('2019-11-30T16:00:00.000Z');
    expect(nextWakeAt(s, at('2019-12-05T00:00:00'))).toBeLessThanOrEqual(at('2019-12-11T00:00:00'));
    expect(dueForEscalation(s, at('2019-12-10T23:59:00'))).toBeNull();
    expect(dueForEscalation(s, at('2019-12-11T00:00:00'))).toBe(10);
    s.escalatedRedSince = s.case.redSince;
    expect(dueForEscalation(s, at('2019-12-20T00:00:00'))).toBeNull();
  });

  it('without the patch (older histories) there are no report duties, milestones or escalation', () => {
    const s = buildCase(false);
    expect(refreshColours(s, at('2019-10-28T09:00:00'))).toBeNull();
    expect(step(s, 'land_allocated').reportMissing).toBeUndefined();
    refreshColours(s, at('2019-12-01T00:00:01'));
    expect(step(s, 'accepted').colour).toBe('green');
    expect(dueForEscalation(s, at('2020-06-01T00:00:00'))).toBeNull();
  });

  it('reports by the day the case was opened with (kindergarten.progress-report-day); without it by the 25th (参照40号 四(三))', () => {
    expect(progressReportsOf({})).toBe(PROGRESS_REPORTS);
    expect(progressReportsOf({ progressReportDay: 20 })).toEqual({ ...PROGRESS_REPORTS, dayOfMonth: 20 });
  });
});
