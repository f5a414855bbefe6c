import { describe, expect, it } from 'vitest';
import type { KindergartenFacts } from './contracts/index';
import { CAMPAIGN_2019, campaignDeadlines, newCampaign } from './campaign';
import { categoryRefusal, holdsFor, operationRefusal, rectificationSteps } from './rules';

const facts = (overrides: Partial<KindergartenFacts> = {}): KindergartenFacts => ({
  projectName: '金色家园',
  town: '小坝镇',
  developer: '某公司',
  landTenure: 'transferred',
  plannedOn: '2012-05-01',
  builtOn: '2015-08-01',
  condition: 'not_handed_over',
  proposedCategory: 'handover',
  projectStatus: 'completed',
  ...overrides,
});

describe('campaign deadlines (青政办发〔2019〕31号 四(二))', () => {
  it('the 2019 campaign has the gazette dates', () => {
    expect(CAMPAIGN_2019.deadlines).toEqual({
      handover: '2019-06-30',
      recover: '2019-09-30',
      buildPlan: '2019-11-30',
      completion: '2020-12-31',
      inclusive: '2020-12-31',
    });
  });

  it('a new campaign keeps the same month-end offsets from its start', () => {
    expect(campaignDeadlines('2021-03-15')).toEqual({
      handover: '2021-05-31',
      recover: '2021-08-31',
      buildPlan: '2021-10-31',
      completion: '2022-11-30',
      inclusive: '2022-11-30',
    });
    expect(newCampaign('kg-2023', '2023-11-02').deadlines.handover).toBe('2024-01-31');
    // February of a leap year ends on the 29th.
    expect(campaignDeadlines('2023-12-10').handover).toBe('2024-02-29');
  });
});

describe('category rules (三(一)、三(三))', () => {
  const highFee = facts({ condition: 'high_fee_private' });

  it('a kindergarten planned on or after 2010-11-21 rented out as high-fee private can only be recovered', () => {
    for (const c of ['handover', 'swap', 'purchase', 'build', 'inclusive'] as const) {
      expect(categoryRefusal(highFee, c)).toMatch(/只能限期回收/);
    }
    expect(categoryRefusal(highFee, 'recover')).toBeNull();
    expect(
      categoryRefusal(facts({ condition: 'high_fee_private', plannedOn: '2010-11-21' }), 'handover'),
    ).toMatch(/只能限期回收/);
    expect(
      categoryRefusal(facts({ condition: 'high_fee_private', plannedOn: '2010-11-20' }), 'handover'),
    ).toBeNull();
  });

  it('only pre-2010 kindergartens on sold land may stay unrecovered', () => {
    expect(categoryRefusal(facts({ plannedOn: '2010-11-20' }), 'inclusive')).toBeNull();
    expect(categoryRefusal(facts({ plannedOn: '2010-11-20', landTenure: 'allocated' }), 'inclusive')).toMatch(
      /划拨/,
    );
    expect(categoryRefusal(facts(), 'inclusive')).toMatch(/之前规划建成/);
  });

  it('a missing kindergarten can only be built', () => {
    const missing = facts({ condition: 'missing', builtOn: null });
    expect(categoryRefusal(missing, 'handover')).toMatch(/只能补建、改建或新建/);
    expect(categoryRefusal(missing, 'build')).toBeNull();
  });

  it('no case ends as for-profit (三(四))', () => {
    expect(operationRefusal('handover', 'for_profit')).toMatch(/不得办成营利性/);
    expect(operationRefusal('inclusive', 'public')).toMatch(/普惠性民办园/);
    expect(operationRefusal('recover', 'inclusive_private')).toBeNull();
  });
});

describe('holds and steps', () => {
  it('a project under construction lacking its kindergarten has its completion filing held until 竣工验收', () => {
    const [hold] = holdsFor(
      facts({ condition: 'missing', projectStatus: 'under_construction' }),
      '2019-05-01T00:00:00Z',
    );
    expect(hold).toMatchObject({ kind: 'completion_filing', unitCode: 'hous', liftsAtStep: 'accepted' });
    const [start] = holdsFor(facts({ condition: 'missing', projectStatus: 'approved_not_started' }), 'x');
    expect(start).toMatchObject({
      kind: 'construction_start',
      unitCode: 'natres',
      liftsAtStep: 'land_allocated',
    });
    expect(holdsFor(facts(), 'x')).toEqual([]);
  });

  it('every hold lifts at a step its category has', () => {
    const keys = rectificationSteps('build', CAMPAIGN_2019.deadlines).map((s) => s.key);
    expect(keys).toContain('accepted');
    expect(keys).toContain('land_allocated');
  });
});
