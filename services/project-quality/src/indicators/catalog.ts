// Indicator tracking (指标) for every document of an import that sets numbers: the indicators the
// gazette importer reads from each clause (@duban/gazette extractIndicators: name, comparison,
// target, unit, year) and the rows of an annual task table (年度任务一览表). Nothing is typed in
// again: a document re-imported gives the same ids. Works on any parsed document, not on one file.
import type { GazetteDocument } from '@duban/gazette';
import type { Comparison } from '@duban/workflow-project-quality/client';

export interface TrackedIndicator {
  /** `青党办〔2019〕65号/二.14/6`, `青政办发〔2019〕30号/表/数字教室配备/2020`. */
  id: string;
  docNo: string;
  /** The clause, or 附件 for a table row. */
  ref: string;
  name: string;
  comparison: Comparison;
  target: number;
  unit: string;
  year: number;
  baselineYear?: number;
  /** The unit that reports it: the clause's first lead unit, else the document's principal one. */
  unitCode: string;
  /** Every lead unit of the clause. */
  leadUnits: string[];
  phrase: string;
  sourceLines?: { from: number; to: number };
}

const yearOf = (date: string | undefined): number | undefined =>
  date ? Number(date.slice(0, 4)) : undefined;
const latestYear = (deadlines: { date: string }[]): number | undefined =>
  deadlines.length ? Math.max(...deadlines.map((d) => Number(d.date.slice(0, 4)))) : undefined;

/**
 * The unit leading the most tasks of a document (ties: the one named first). Goal clauses and
 * annex tables name no owner; the document's principal lead unit answers for them (our reading:
 * 30号's table is 教育局's, who leads each of its tasks; 40号's 主要目标 are 发改局's).
 */
export function principalLead(doc: GazetteDocument): string | undefined {
  const counts = new Map<string, number>();
  for (const t of doc.tasks) for (const u of t.lead) counts.set(u.code, (counts.get(u.code) ?? 0) + 1);
  let best: string | undefined;
  for (const [code, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = code;
  return best;
}

/** A table cell's number read as a target: a ratio "8:1" (students per computer) is at most; the rest at least. */
const tableComparison = (unit: string): Comparison => (unit === ':1' ? 'lte' : 'gte');

export function trackedIndicators(doc: GazetteDocument): TrackedIndicator[] {
  const docNo = doc.docNo ?? doc.key;
  const docYear = yearOf(doc.issuedOn);
  const principal = principalLead(doc);
  const out: TrackedIndicator[] = [];
  const clauses = [...doc.targets.map((t) => ({ ...t, lead: [] as { code: string }[] })), ...doc.tasks];
  for (const clause of clauses) {
    // A clause's own horizon ("到2020年") dates an indicator that states none; else the document's year.
    const fallbackYear = latestYear(clause.deadlines) ?? docYear;
    clause.indicators.forEach((i, n) => {
      const year = i.year ?? fallbackYear;
      const leads = clause.lead.map((u) => u.code);
      const unitCode = leads[0] ?? principal;
      if (year === undefined || unitCode === undefined) return;
      out.push({
        id: `${docNo}/${clause.ref}/${n + 1}`,
        docNo,
        ref: clause.ref,
        name: i.name,
        comparison: i.comparison,
        target: i.target,
        unit: i.unit,
        year,
        ...(i.baselineYear !== undefined ? { baselineYear: i.baselineYear } : {}),
        unitCode,
        leadUnits: leads.length ? leads : [unitCode],
        phrase: i.phrase,
        sourceLines: clause.sourceLines,
      });
    });
  }
  for (const row of doc.annualTable ?? []) {
    if (!principal) break;
    for (const t of row.targets) {
      if (t.value === null || t.unit === null) continue;
      out.push({
        id: `${docNo}/表/${row.name}/${t.year}`,
        docNo,
        ref: `附件 ${row.category}`,
        name: `${row.category}·${row.name}`,
        comparison: tableComparison(t.unit),
        target: t.value,
        unit: t.unit,
        year: t.year,
        unitCode: principal,
        leadUnits: [principal],
        phrase: t.text,
        sourceLines: { from: row.line, to: row.line },
      });
    }
  }
  return out;
}
