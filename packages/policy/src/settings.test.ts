import { describe, expect, it } from 'vitest';
import { POLICY_SETTINGS, isChangeable, policySetting, sourceLabel } from './settings';

// Issue 14 point 5: rules from elsewhere are settings that name their source.
describe('policy settings', () => {
  it('keys are unique and every default passes its own schema', () => {
    expect(new Set(POLICY_SETTINGS.map((s) => s.key)).size).toBe(POLICY_SETTINGS.length);
    for (const s of POLICY_SETTINGS)
      expect(s.valueSchema.safeParse(s.defaultValue).success, s.key).toBe(true);
  });

  it('the report day of the 25th comes from 青政办发〔2019〕40号 四(三), not from 31号', () => {
    const s = policySetting('kindergarten.progress-report-day')!;
    expect(s.defaultValue).toBe(25);
    expect(s.source).toMatchObject({ kind: 'system' });
    expect(sourceLabel(s.source)).toBe('本系统设定（参照青政办发〔2019〕40号 四(三)）');
    expect(JSON.stringify(s.source)).toContain('每月25日前将本单位开展工作情况报发展和改革局汇总');
  });

  it('the 60-day case limit is the system’s (28号 二(七) sets none) and reaches new cases', () => {
    const s = policySetting('land.case-handling-days')!;
    expect(sourceLabel(s.source)).toBe('本系统设定');
    expect(JSON.stringify(s.source)).toContain('二(七)');
    expect(isChangeable(s)).toBe(true);
    expect(s.valueSchema.safeParse(0).success).toBe(false);
    expect(s.valueSchema.safeParse(731).success).toBe(false);
  });

  it('the 10-亩 major-case threshold refers to 法释〔2000〕14号 第三条', () => {
    const s = policySetting('land.major-case-cultivated-mu')!;
    expect(s.defaultValue).toBe(10);
    expect(sourceLabel(s.source)).toBe('本系统设定（参照法释〔2000〕14号 第三条）');
    expect(isChangeable(s)).toBe(true);
  });

  it('the two-year reclamation term is 《土地管理法》第五十七条; 28号 二(三) names no term', () => {
    const s = policySetting('land.temporary-use-years')!;
    expect(sourceLabel(s.source)).toBe('《中华人民共和国土地管理法》第五十七条');
    expect(s.source).toMatchObject({ note: expect.stringContaining('国家和自治区重点基础设施建设项目') });
  });

  it('the 41号 boundary is 31号 三(三) 发布之日, a date the text does not write', () => {
    const s = policySetting('kindergarten.guofa-2010-41-date')!;
    expect(s.defaultValue).toBe('2010-11-21');
    expect(sourceLabel(s.source)).toBe('青政办发〔2019〕31号 三(三)');
    expect(s.source).toMatchObject({ note: expect.stringContaining('公报原文没有写出日期') });
    expect(s.valueSchema.safeParse('2010-11-31').success).toBe(false);
  });

  // Issue 14, point 5: the rules from elsewhere that decide deadlines and thresholds are changeable.
  const CHANGEABLE = [
    'kindergarten.progress-report-day',
    'land.case-handling-days',
    'land.major-case-cultivated-mu',
    'land.temporary-use-years',
    'kindergarten.guofa-2010-41-date',
    'alerts.warning-window-days',
    'alerts.red-escalation-days',
  ];

  it('the settings of 14.5 are changeable, say where the value enters and which cases a change reaches', () => {
    for (const key of CHANGEABLE) expect(isChangeable(policySetting(key)!), key).toBe(true);
    for (const s of POLICY_SETTINGS.filter(isChangeable)) {
      const applies = s.appliesTo as { startInput?: string; takesEffect?: string };
      expect(applies.startInput, s.key).toBeTruthy();
      // An office expects a changed rule not to rewrite past decisions silently: each says so.
      expect(applies.takesEffect, s.key).toMatch(/^只用于修改之后/);
    }
  });

  it('a setting that is a reading of the text, not a number an office tunes, says where the code fixes it', () => {
    for (const s of POLICY_SETTINGS.filter((s) => !isChangeable(s)))
      expect((s.appliesTo as { fixedIn?: string }).fixedIn, s.key).toMatch(/\.ts\b/);
  });
});
