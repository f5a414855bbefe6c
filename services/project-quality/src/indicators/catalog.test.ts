import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGazette } from '@duban/gazette';
import { trackedIndicators } from './catalog';

const gazette = parseGazette(
  readFileSync(new URL('../../../../data/gazette/qingtongxia-gazette-2019-02.md', import.meta.url), 'utf8'),
);
const doc = (no: string) => gazette.documents.find((d) => d.docNo?.includes(no))!;

describe('indicators tracked from the import (65号 2020 targets, 30号 2018–2022 table)', () => {
  const eco = trackedIndicators(doc('65号'));
  const edu = trackedIndicators(doc('〔2019〕30号'));

  it('65号: PM10, PM2.5 and good-air days for 2020 with the lead unit of 二.14', () => {
    const by = (name: string) => eco.find((i) => i.name.includes(name));
    expect(by('可吸入颗粒物')).toMatchObject({
      comparison: 'lte',
      target: 94,
      unit: '微克/立方米',
      year: 2020,
      unitCode: 'eco',
      ref: '二.14',
    });
    expect(by('细颗粒物')).toMatchObject({ comparison: 'lte', target: 41, year: 2020, unitCode: 'eco' });
    expect(by('优良天数')).toMatchObject({ comparison: 'gte', target: 80, unit: '%', year: 2020 });
    expect(by('用水总量')).toMatchObject({
      comparison: 'lte',
      target: 7.12,
      unit: '亿立方米',
      unitCode: 'miit',
      leadUnits: ['miit', 'water'],
    });
  });
  it('65号: an indicator with no year of its own takes its clause’s horizon (二.12 森林覆盖率 → 2020)', () => {
    expect(eco.find((i) => i.name === '全市森林覆盖率')).toMatchObject({
      year: 2020,
      target: 18,
      comparison: 'gte',
    });
    expect(eco.every((i) => i.year >= 2018 && i.unitCode)).toBe(true);
    expect(eco.length).toBe(47);
  });
  it('30号: every quantified cell of the annual table, year by year, answered by 教育局', () => {
    const rooms = edu.filter((i) => i.name.endsWith('数字教室配备'));
    expect(rooms.map((i) => [i.year, i.target, i.unit, i.comparison])).toEqual([
      [2018, 80, '%', 'gte'],
      [2019, 90, '%', 'gte'],
      [2020, 100, '%', 'gte'],
      [2021, 100, '%', 'gte'],
      [2022, 100, '%', 'gte'],
    ]);
    expect(edu.find((i) => i.id.endsWith('计算机配备/2019'))).toMatchObject({
      target: 7,
      unit: ':1',
      comparison: 'lte',
    });
    expect(edu.every((i) => i.unitCode === 'edu')).toBe(true);
    expect(new Set(edu.map((i) => i.id)).size).toBe(edu.length);
  });
  it('40号: the goals of 一 have no owner in the text and go to 发改局, who leads most of its tasks; the year is the notice’s', () => {
    const own = trackedIndicators(doc('40号'));
    expect(own.find((i) => i.ref === '一.(二)' && i.unit === '亿元')).toMatchObject({
      target: 67.2,
      comparison: 'gte',
      year: 2019,
      unitCode: 'ndrc',
    });
  });
});
