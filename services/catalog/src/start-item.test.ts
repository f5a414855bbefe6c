import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StartItemSchema, supervisionWorkflowId } from '@duban/workflow-supervision/client';
import { parseGazette, type GazetteDocument, type Task } from '@duban/gazette';
import { taskContentHash } from './hash';
import { taskContentOf } from './import';
import { reportingScheduleFor, startItemFor } from './start-item';

const gazettePath = path.resolve(import.meta.dirname, '../../../data/gazette/qingtongxia-gazette-2019-02.md');
const parsed = parseGazette(fs.readFileSync(gazettePath, 'utf8'));

function doc(docNo: string): GazetteDocument {
  const found = parsed.documents.find((d) => d.docNo === docNo);
  if (!found) throw new Error(`no ${docNo} in the gazette`);
  return found;
}

function task(docNo: string, ref: string): { document: GazetteDocument; task: Task } {
  const document = doc(docNo);
  const found = document.tasks.find((t) => t.ref === ref);
  if (!found) throw new Error(`no ${ref} in ${docNo}`);
  return { document, task: found };
}

describe('startItemFor on the 2019 gazette', () => {
  it('maps a kindergarten task (青政办发〔2019〕31号 三.(三)): lead, co-operating units, latest deadline', () => {
    const { document, task: t } = task('青政办发〔2019〕31号', '三.(三)');
    const item = startItemFor(document, t);
    expect(item).toMatchObject({
      itemId: 'qzbf-2019-31.3.p3',
      docNo: '青政办发〔2019〕31号',
      ref: '三.(三)',
      title: '确保配套幼儿园如期移交',
      leadUnits: ['hous'],
      cooperatingUnits: ['natres', 'edu', 'ndrc', 'fin'],
      // "于2019年9月底之前收回" and "到2020年基本实现普惠办园": the item runs to the later one.
      deadline: '2020-12-31',
      reporting: { kind: 'none' },
    });
    expect(StartItemSchema.safeParse(item).success).toBe(true);
  });

  it('gives the 全面整改 measure of 31号 the last of its four dates (竣工验收 by 2020-12-31)', () => {
    const { document, task: t } = task('青政办发〔2019〕31号', '四.(二)');
    expect(t.deadlines.map((d) => d.date)).toEqual(['2019-06-30', '2019-09-30', '2019-11-30', '2020-12-31']);
    expect(startItemFor(document, t)).toMatchObject({
      leadUnits: ['edu'],
      cooperatingUnits: [],
      deadline: '2020-12-31',
    });
  });

  it('keeps every dated milestone of 31号 四.(二) and 三.(三), in date order; the deadline stays the last', () => {
    const { document, task: t } = task('青政办发〔2019〕31号', '四.(二)');
    const item = startItemFor(document, t)!;
    expect(item.deadline).toBe('2020-12-31');
    expect(item.milestones).toEqual([
      { key: '2019-06-30', date: '2019-06-30', phrase: '于2019年6月底前' },
      { key: '2019-09-30', date: '2019-09-30', phrase: '于2019年9月底前' },
      { key: '2019-11-30', date: '2019-11-30', phrase: '于2019年11月底前' },
      { key: '2020-12-31', date: '2020-12-31', phrase: '2020年12月底前' },
    ]);
    const recovery = task('青政办发〔2019〕31号', '三.(三)');
    expect(startItemFor(recovery.document, recovery.task)!.milestones).toEqual([
      { key: '2019-09-30', date: '2019-09-30', phrase: '于2019年9月底之前' },
      { key: '2020-12-31', date: '2020-12-31', phrase: '到2020年' },
    ]);
    // One date: no milestones, the item as before.
    const single = parsed.documents
      .flatMap((d) => d.tasks.map((x) => ({ d, x })))
      .find(({ x }) => x.deadlines.length === 1)!;
    expect(startItemFor(single.d, single.x)).not.toHaveProperty('milestones');
  });

  it('gives every action of 青政办发〔2019〕40号 the monthly report by the 25th, on working days', () => {
    const document = doc('青政办发〔2019〕40号');
    expect(document.tasks).toHaveLength(9);
    for (const t of document.tasks) {
      expect(startItemFor(document, t)?.reporting).toEqual({
        kind: 'monthly',
        dayOfMonth: 25,
        workingDaysOnly: true,
      });
    }
    expect(startItemFor(document, task('青政办发〔2019〕40号', '二.(一)').task)).toMatchObject({
      leadUnits: ['ndrc'],
      deadline: null,
    });
  });

  it('gives a 14号 duty without a date a null deadline and no reporting schedule', () => {
    const { document, task: t } = task('青党发〔2019〕14号', '三');
    expect(t.deadlines).toEqual([]);
    expect(startItemFor(document, t)).toMatchObject({
      itemId: 'qdf-2019-14.3',
      leadUnits: ['discipline', 'org-dept', 'publicity'],
      deadline: null,
      reporting: { kind: 'none' },
    });
  });

  // 28号 三(九) 强化部门共同责任: "财政局:要…严格管理和使用涉土资金" and the other bureaus' paragraphs.
  it('starts each bureau of 28号 三(九) on its own duty, undated like every other 28号 item', () => {
    const items = [1, 2, 3, 4, 5, 6].map((k) => {
      const { document, task: t } = task('青政办发〔2019〕28号', `三.(九).${k}`);
      return startItemFor(document, t)!;
    });
    expect(items.map((i) => [i.itemId, i.leadUnits.join()])).toEqual([
      ['qzbf-2019-28.3.p9.1', 'natres'],
      ['qzbf-2019-28.3.p9.2', 'agri'],
      ['qzbf-2019-28.3.p9.3', 'fin'],
      ['qzbf-2019-28.3.p9.4', 'eco'],
      ['qzbf-2019-28.3.p9.5', 'stats'],
      ['qzbf-2019-28.3.p9.6', 'audit'],
    ]);
    // The text dates none of them: no deadline and no milestone, as 28号 二.(一) (and any item the
    // gazette leaves undated); 28号 sets no standing report either.
    const plain = task('青政办发〔2019〕28号', '二.(一)');
    const undated = startItemFor(plain.document, plain.task);
    for (const item of items) {
      expect(item).toMatchObject({
        docNo: '青政办发〔2019〕28号',
        ref: expect.stringMatching(/^三\.\(九\)\.\d$/u),
      });
      expect(item).toMatchObject({
        deadline: undated!.deadline,
        reporting: undated!.reporting,
        cooperatingUnits: [],
      });
      expect(item.milestones).toBeUndefined();
      expect(StartItemSchema.safeParse(item).success).toBe(true);
    }
    expect(undated!.deadline).toBeNull();
    expect(items[2]!.title).toBe(
      '财政局:要按照国家和自治区有关政策规定,严格管理和使用涉土资金,重点保障耕地保护资金需求',
    );
  });

  it('starts an item under the mended title (issue 14 point 7: 引客人青 is 引客入青), as the catalog keeps it', () => {
    const { document, task: measure } = task('青政办发〔2019〕31号', '四.(二)');
    const misprinted = { ...measure, title: `${measure.title}（引客人青 and 宣传）` };
    expect(startItemFor(document, misprinted)?.title).toBe(`${measure.title}（引客入青和宣传）`);
    expect(startItemFor(document, measure)?.title).toBe(measure.title);
  });

  it('skips a task without a lead unit (39号 六.(五) 人员派遣)', () => {
    const { document, task: t } = task('青政办发〔2019〕39号', '六.(五)');
    expect(t.lead).toEqual([]);
    expect(startItemFor(document, t)).toBeNull();
  });

  it('maps every task of the gazette to a unique item id; all but the one without a lead unit start', () => {
    const all = parsed.documents.flatMap((d) => d.tasks.map((t) => ({ d, t })));
    expect(all.length).toBe(76);
    const items = all.map(({ d, t }) => startItemFor(d, t));
    const started = items.filter((i) => i !== null);
    expect(started).toHaveLength(75);
    for (const item of started) expect(StartItemSchema.safeParse(item).success).toBe(true);

    const ids = all.map(({ d, t }) => `${d.docNo} ${t.ref}`);
    const itemIds = started.map((i) => i.itemId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(itemIds).size).toBe(itemIds.length);
    for (const id of itemIds) expect(id).toMatch(/^[a-z]+-2019-\d+\.[A-Za-z0-9.]+$/);
    expect(new Set(itemIds.map(supervisionWorkflowId)).size).toBe(itemIds.length);
  });

  it('never lists a lead unit again among the co-operating ones', () => {
    for (const d of parsed.documents) {
      for (const t of d.tasks) {
        const item = startItemFor(d, t);
        if (!item) continue;
        for (const code of item.cooperatingUnits ?? []) expect(item.leadUnits).not.toContain(code);
      }
    }
  });
});

describe('reportingScheduleFor', () => {
  const base = {
    ref: '一',
    kind: 'task' as const,
    title: 't',
    lead: [{ code: 'edu' }],
    cooperating: [],
    deadlines: [],
  };

  it("prefers the task's own recurring deadline over the document's standing duty", () => {
    const schedule = reportingScheduleFor(
      { docNo: '青政办发〔2019〕40号', reporting: { frequency: 'monthly', day: 25 } },
      {
        ...base,
        recurringDeadlines: [
          { frequency: 'quarterly', day: 15, monthOfPeriod: 1, phrase: '每一季度第一个月的15日之前' },
        ],
      },
    );
    expect(schedule).toEqual({
      kind: 'quarterly',
      dayOfMonth: 15,
      monthOfQuarter: 1,
      workingDaysOnly: false,
    });
  });

  it('maps a monthly recurring deadline and ignores a yearly one (no yearly report in the workflow)', () => {
    const doc = { docNo: '青政办发〔2019〕30号' };
    expect(
      reportingScheduleFor(doc, {
        ...base,
        recurringDeadlines: [{ frequency: 'monthly', day: 5, phrase: '每月5日前' }],
      }),
    ).toEqual({ kind: 'monthly', dayOfMonth: 5, workingDaysOnly: false });
    expect(
      reportingScheduleFor(doc, {
        ...base,
        recurringDeadlines: [{ frequency: 'yearly', day: 31, phrase: '每年' }],
      }),
    ).toEqual({ kind: 'none' });
  });
});

describe('taskContentHash', () => {
  const { task: t } = task('青党办〔2019〕65号', '二.13');

  it('is stable under white space and a move in the file', () => {
    const a = taskContentHash(taskContentOf(t));
    const moved = { ...t, text: `  ${t.text.replace('。', '。 \n ')} `, sourceLines: { from: 1, to: 2 } };
    expect(taskContentHash(taskContentOf(moved))).toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the text, a deadline or a unit', () => {
    const a = taskContentHash(taskContentOf(t));
    expect(taskContentHash(taskContentOf({ ...t, text: `${t.text}（修订）` }))).not.toBe(a);
    expect(taskContentHash(taskContentOf({ ...t, deadlines: [] }))).not.toBe(a);
    expect(taskContentHash(taskContentOf({ ...t, cooperating: [] }))).not.toBe(a);
  });

  it('does not change when a unit is renamed in the registry (units count by code)', () => {
    const renamed = { ...t, lead: t.lead.map((u) => ({ ...u, name: `${u.name}（新名）` })) };
    expect(taskContentHash(taskContentOf(renamed))).toBe(taskContentHash(taskContentOf(t)));
  });
});
