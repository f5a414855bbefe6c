import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Project, UnitYearSnapshot } from '@duban/workflow-project-quality/client';
import { monthlyNotice, talkFigures, talksFor } from './notice';
import { noticeWorkbook } from './sheet';

const project = (projectId: string, unitCode: string, level: Project['level'] = 'wuzhong'): Project => ({
  projectId,
  name: `项目${projectId}`,
  level,
  unitCode,
  leader: '张某',
  workingGroup: '专班',
  personInCharge: '李某',
  plannedInvestmentWan: 20_000,
  yearTargetWan: 10_000,
  plannedStart: '2019-03-01',
  plannedCompletion: '2019-12-31',
  reserve: false,
  industrialUpgrade: false,
});
/** A unit's year with one report a month: month → [projectId, done, started]. */
function year(
  unitCode: string,
  y: number,
  reports: Record<number, [string, number, boolean][]>,
  missed: number[] = [],
): UnitYearSnapshot {
  const months = Object.entries(reports).map(([m, lines]) => ({
    month: Number(m),
    due: `${y}-${String(m).padStart(2, '0')}-25`,
    colour: 'green' as const,
    reportedOn: `${y}-${String(m).padStart(2, '0')}-20`,
    late: false,
    work: '工作情况',
    progress: lines.map(([projectId, investmentDoneWan, started]) => ({
      projectId,
      investmentDoneWan,
      started,
      problems: '',
    })),
  }));
  for (const m of missed)
    months.push({
      month: m,
      due: `${y}-${String(m).padStart(2, '0')}-25`,
      colour: 'red' as never,
      reportedOn: null as never,
      late: false,
      work: '',
      progress: [],
    });
  return { unitCode, year: y, projectIds: [], months, colour: 'green', closed: false, version: 1 };
}

const projects = [
  project('A1', 'miit'),
  project('A2', 'miit'),
  project('E1', 'edu'),
  project('H1', 'hous'),
  project('B1', 'hous', 'basic'),
];

describe('一月一通报 and the 约谈 listing (40号 二(三), 四(五))', () => {
  it('the notice has each key project’s rates and each unit’s, and names a missed report', () => {
    const years = [
      year('miit', 2019, {
        5: [
          ['A1', 2000, true],
          ['A2', 1000, false],
        ],
      }),
      year('edu', 2019, { 5: [['E1', 6000, true]] }),
      year('hous', 2019, {}, [5]),
    ];
    const n = monthlyNotice(projects, years, 2019, 5);
    expect(n.projects.map((p) => p.projectId)).toEqual(['A1', 'A2', 'E1', 'H1']);
    expect(n.units.find((u) => u.unitCode === 'miit')).toMatchObject({
      completionRate: 0.15,
      startRate: 0.5,
      report: 'on-time',
    });
    expect(n.units.find((u) => u.unitCode === 'hous')).toMatchObject({
      completionRate: 0,
      startRate: 0,
      report: 'missing',
    });
  });

  it('lists the unit last on a rate for Q4 2019 and Q1 2020, with its figures', async () => {
    const years = [
      year('miit', 2019, {
        12: [
          ['A1', 9000, true],
          ['A2', 9000, true],
        ],
      }),
      year('edu', 2019, { 12: [['E1', 8000, true]] }),
      year('hous', 2019, { 12: [['H1', 3000, true]] }),
      year('miit', 2020, {
        3: [
          ['A1', 3000, true],
          ['A2', 3000, true],
        ],
      }),
      year('edu', 2020, { 3: [['E1', 2000, true]] }),
      year('hous', 2020, { 3: [['H1', 500, true]] }),
    ];
    const talks = talksFor(projects, years, '2020Q1', '2019Q4');
    expect(talks.map((t) => [t.unitCode, t.measures.map((m) => m.measure)])).toEqual([
      ['hous', ['completion']],
    ]);
    expect(talkFigures(talks[0]!)).toBe('投资完成率 2019Q4 30.0%、2020Q1 5.0%');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      new Uint8Array(await noticeWorkbook(monthlyNotice(projects, years, 2020, 3))) as never,
    );
    expect(book.getWorksheet('责任单位')!.getRow(3).values).toContain('青铜峡市工业和信息化局');
  });
});
