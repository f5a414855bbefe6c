import { squeeze } from '../text';
import type { NoticeLine } from '../notice/lines';
import type { Task } from '../schema';
import { distinctValues, headerRoles } from './columns';
import type { ColumnRole } from './columns';
import type { Label } from './labels';
import { buildTask, rangeOf, titleOf } from './task';
import type { Block, LayoutContext, LayoutResult, NoticeLayout } from './types';
import { markerOf } from './walk';

/** Columns whose empty cell repeats the cell above (a merged cell written once). */
const REPEATS: ColumnRole[] = ['seq', 'task', 'lead', 'cooperating', 'leader', 'deadline'];

interface Row {
  line: NoticeLine;
  cells: Map<ColumnRole, string>;
}

interface Draft {
  rows: Row[];
  section: string[];
  /** With a 措施 column: the measure's place under its task. */
  measureNo: number;
}

const cellsOf = (line: NoticeLine, roles: (ColumnRole | undefined)[]): Map<ColumnRole, string> => {
  const cells = new Map<ColumnRole, string>();
  (line.cells ?? []).forEach((value, i) => {
    const role = roles[i];
    if (!role || !value) return;
    const prev = cells.get(role);
    cells.set(role, prev && prev !== value ? `${prev}\n${value}` : value);
  });
  return cells;
};

/** A row that spans the table (one value, merged or in the first cell): a heading for the rows below. */
function sectionOf(line: NoticeLine, roles: (ColumnRole | undefined)[]): string | undefined {
  const cells = line.cells ?? [];
  const values = distinctValues(cells);
  if (values.length !== 1) return undefined;
  const value = values[0] as string;
  if (/^\d+$/u.test(value)) return undefined;
  const spread = cells.filter((c) => c === value).length;
  const inFirst = cells[0] === value && (roles[0] === 'seq' || roles[0] === undefined);
  return spread >= 2 || inFirst || markerOf(value) ? value : undefined;
}

const join = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => Boolean(v)))].join('\n');

/**
 * A task table (任务分解表): a header row naming its columns (序号 / 任务 / 措施 / 牵头单位 / 配合单位 /
 * 完成时限 / 备注 …), section rows spanning the table, and tasks over one or more rows whose empty
 * cells repeat the cell above. With a 措施 column every measure is an item under its task.
 */
function parseTable(block: Block, ctx: LayoutContext): LayoutResult {
  const out: LayoutResult = { tasks: [], targets: [], articles: [] };
  const headerIndex = block.lines.findIndex((l) => l.cells && headerRoles(l.cells));
  const roles = headerRoles(block.lines[headerIndex]?.cells ?? []) ?? [];
  const headerKey = squeeze((block.lines[headerIndex]?.cells ?? []).join('|'));
  const hasMeasure = roles.includes('measure');
  const drafts: Draft[] = [];
  let section: { level: number; text: string }[] = [];
  let above = new Map<ColumnRole, string>();
  let current: { taskKey: string; draft: Draft } | undefined;
  for (const line of block.lines.slice(headerIndex + 1)) {
    if (!line.cells || squeeze(line.cells.join('|')) === headerKey) continue; // a header repeated after a page break
    const heading = sectionOf(line, roles);
    if (heading) {
      const level = markerOf(heading)?.level ?? 1;
      section = [...section.filter((s) => s.level < level), { level, text: heading }];
      above = new Map();
      current = undefined;
      continue;
    }
    const own = cellsOf(line, roles);
    const cells = new Map(own);
    for (const role of REPEATS)
      if (!cells.has(role) && above.has(role)) cells.set(role, above.get(role) ?? '');
    above = cells;
    if (!cells.get('task') && !cells.get('measure')) continue;
    // Rows of one task share its number and text; with 措施, each row naming a measure is an item.
    const taskKey = `${cells.get('seq') ?? ''}|${cells.get('task') ?? ''}`;
    const continues = hasMeasure ? !own.get('measure') : current?.taskKey === taskKey;
    if (current && continues) {
      current.draft.rows.push({ line, cells });
      continue;
    }
    const measureNo = hasMeasure && current?.taskKey === taskKey ? current.draft.measureNo + 1 : 1;
    current = {
      taskKey,
      draft: { rows: [{ line, cells }], section: [...block.path, ...section.map((s) => s.text)], measureNo },
    };
    drafts.push(current.draft);
  }
  drafts.forEach((draft, index) => out.tasks.push(buildTask(toTaskDraft(draft, index, hasMeasure), ctx)));
  return out;
}

function toTaskDraft(draft: Draft, index: number, hasMeasure: boolean) {
  const get = (role: ColumnRole) => join(draft.rows.map((r) => r.cells.get(role)));
  const task = get('task');
  const measure = get('measure');
  const main = hasMeasure && measure ? measure : task;
  const remark = get('remark');
  const text = join([
    main,
    get('target'),
    remark && !/^(?:无|\/|-|—)$/u.test(remark) ? `备注：${remark}` : '',
  ]);
  const labels: (Label & { line: number })[] = [];
  for (const role of ['lead', 'cooperating', 'leader', 'deadline'] as const) {
    for (const row of draft.rows) {
      const value = row.cells.get(role);
      if (value && !labels.some((l) => l.role === role && l.value === value))
        labels.push({ role, value, line: row.line.n });
    }
  }
  const seq = draft.rows[0]?.cells.get('seq');
  const sectionLabels = draft.section.flatMap((s) => markerOf(s)?.label ?? []);
  const number = seq ?? `#${index + 1}`;
  const own = hasMeasure ? `${number}.${draft.measureNo}` : number;
  const path = hasMeasure && task ? [...draft.section, titleOf(task)] : draft.section;
  const kind: Task['kind'] = hasMeasure ? 'measure' : 'task';
  return {
    ref: [...sectionLabels, own].join('.'),
    kind,
    title: titleOf(main),
    text,
    path,
    sourceLines: rangeOf(draft.rows.map((r) => r.line)),
    labels,
  };
}

export const tableLayout: NoticeLayout = {
  name: 'table',
  detect: (block) => block.kind === 'table' && block.lines.some((l) => l.cells && headerRoles(l.cells)),
  parse: parseTable,
};
