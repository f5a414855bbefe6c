import { describe, expect, it } from 'vitest';
import { GUOFA_2010_41_BOUNDARY, type KindergartenFacts } from './contracts/index';
import { CAMPAIGN_2019, campaignDeadlines, newCampaign } from './campaign';
import {
  caseDeadlines,
  categoryRefusal,
  handoverStep,
  holdsFor,
  operationRefusal,
  rectificationSteps,
} from './rules';

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

  // The older reading (before `kg-31-3-3-recovery`) is kept for cases opened on it.
  it('before the fix: a kindergarten planned on or after 2010-11-21 rented out as high-fee private could only be recovered', () => {
    for (const c of ['handover', 'swap', 'purchase', 'build', 'inclusive'] as const) {
      expect(categoryRefusal(highFee, c, 'before-31-3-3')).toMatch(/只能限期回收/);
    }
    expect(categoryRefusal(highFee, 'recover', 'before-31-3-3')).toBeNull();
    expect(
      categoryRefusal(
        facts({ condition: 'high_fee_private', plannedOn: '2010-11-21' }),
        'handover',
        'before-31-3-3',
      ),
    ).toMatch(/只能限期回收/);
    expect(
      categoryRefusal(
        facts({ condition: 'high_fee_private', plannedOn: '2010-11-20' }),
        'handover',
        'before-31-3-3',
      ),
    ).toBeNull();
  });

  it('only pre-2010 kindergartens on sold land may stay unrecovered (三(三))', () => {
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

describe('三(三) recovery as written (青政办发〔2019〕31号 三(三))', () => {
  it('三(三): high-fee private by the developer is recovered whatever its planning date', () => {
    for (const plannedOn of ['2008-03-01', '2010-11-20', '2010-11-21', '2015-01-01']) {
      const highFee = facts({ condition: 'high_fee_private', plannedOn });
      for (const c of ['handover', 'swap', 'purchase', 'build', 'inclusive'] as const)
        expect(categoryRefusal(highFee, c)).toMatch(/不论规划时间，只能限期回收（三\(三\)）/);
      expect(categoryRefusal(highFee, 'recover')).toBeNull();
    }
  });

  it('三(三): one put to other use (已挪作他用) is recovered', () => {
    const repurposed = facts({ condition: 'repurposed', plannedOn: '2008-03-01' });
    for (const c of ['handover', 'swap', 'purchase', 'build', 'inclusive'] as const)
      expect(categoryRefusal(repurposed, c)).toMatch(/已挪作他用.*予以收回（三\(三\)）/);
    expect(categoryRefusal(repurposed, 'recover')).toBeNull();
  });

  it('三(三): planned after 41号 on sold land, no agreement: recovered by 9月底, never kept', () => {
    const after = facts({ plannedOn: '2010-11-21' });
    expect(categoryRefusal(after, 'inclusive')).toMatch(/之前规划建成.*9月底之前收回（三\(三\)）/);
    expect(categoryRefusal(after, 'recover')).toBeNull();
    expect(caseDeadlines(after, CAMPAIGN_2019.deadlines).recover).toBe('2019-09-30');
    const [ordered] = rectificationSteps('recover', CAMPAIGN_2019.deadlines);
    expect(ordered).toMatchObject({ key: 'recovery_ordered', ref: '三(三)', deadline: '2019-09-30' });
  });

  it('三(三): a signed handover agreement on sold land sets its own handover date', () => {
    const agreed = facts({ handoverAgreedBy: '2019-12-31', plannedOn: '2008-03-01' });
    expect(categoryRefusal(agreed, 'handover')).toBeNull();
    expect(categoryRefusal(agreed, 'inclusive')).toMatch(/按协议约定（2019-12-31前）移交（三\(三\)）/);
    const d = caseDeadlines(agreed, CAMPAIGN_2019.deadlines);
    expect(d).toEqual({ ...CAMPAIGN_2019.deadlines, handover: '2019-12-31' });
    expect(handoverStep('handover', d)).toMatchObject({ ref: '三(三)', deadline: '2019-12-31' });
    // Allocated land is handed over as the campaign says: an agreement does not apply to it.
    const allocated = facts({ landTenure: 'allocated', handoverAgreedBy: '2019-12-31' });
    expect(caseDeadlines(allocated, CAMPAIGN_2019.deadlines)).toEqual(CAMPAIGN_2019.deadlines);
    // The agreement does not save a high-fee one from recovery.
    expect(
      categoryRefusal(facts({ handoverAgreedBy: '2019-12-31', condition: 'high_fee_private' }), 'handover'),
    ).toMatch(/限期收回/);
  });

  it('三(三): the 41号 boundary is a setting that says the gazette names no date', () => {
    expect(GUOFA_2010_41_BOUNDARY).toMatchObject({ value: '2010-11-21', fromGazette: false });
    expect(GUOFA_2010_41_BOUNDARY.source).toMatch(/三\(三\).*未写日期/);
    expect(categoryRefusal(facts({ plannedOn: '2012-01-01' }), 'inclusive')).toMatch(
      /日期为设定值，公报未写/,
    );
  });

  it('三(三): a case opened with another 41号 date (kindergarten.guofa-2010-41-date) is split on it and says so', () => {
    const planned = facts({ plannedOn: '2010-12-01' });
    expect(categoryRefusal(planned, 'inclusive')).toMatch(/2010-11-21/);
    expect(categoryRefusal(planned, 'inclusive', 'gazette', '2010-12-15')).toBeNull();
    expect(categoryRefusal(planned, 'inclusive', 'gazette', '2010-11-30')).toMatch(
      /国发〔2010〕41号发布（2010-11-30，日期为设定值，公报未写）之前.*三\(三\)/,
    );
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
