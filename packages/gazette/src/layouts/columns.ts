import { squeeze, toHalfWidth } from '../text';

/** What a column of a task table holds, read from its header. */
export type ColumnRole =
  'seq' | 'task' | 'measure' | 'target' | 'lead' | 'cooperating' | 'leader' | 'deadline' | 'remark';

/** Header names, exact first; then the first role whose word the header contains. */
const EXACT: [ColumnRole, RegExp][] = [
  ['seq', /^(?:序号|编号|序)$/u],
  ['target', /^(?:目标|工作目标|预期目标|目标任务|主要目标|指标|目标要求|预期成效)$/u],
  ['measure', /^(?:措施|具体措施|工作措施|主要措施|推进措施|落实措施|工作举措|举措|具体内容|工作要求)$/u],
  [
    'task',
    /^(?:任务|工作任务|重点任务|主要任务|任务名称|工作内容|重点工作|事项|工作事项|任务事项|改革任务|项目名称)$/u,
  ],
];
const CONTAINS: [ColumnRole, RegExp][] = [
  ['leader', /领导/u],
  ['cooperating', /配合|协同|协办|参与/u],
  ['lead', /牵头|责任单位|责任部门|主责|承办单位/u],
  ['deadline', /时限|时间|节点|进度/u],
  ['remark', /备注|说明/u],
  ['measure', /措施|举措/u],
  ['task', /任务|事项|内容/u],
];

export function columnRole(header: string): ColumnRole | undefined {
  const h = squeeze(toHalfWidth(header)).replace(/\(.*\)$/u, '');
  if (!h) return undefined;
  return (EXACT.find(([, re]) => re.test(h)) ?? CONTAINS.find(([, re]) => re.test(h)))?.[0];
}

/**
 * The roles of a header row, or undefined when the row is no header: it must name a task or
 * measure column and a unit or deadline column. With both 牵头单位 and 责任单位, 责任单位 co-operates.
 */
export function headerRoles(cells: readonly string[]): (ColumnRole | undefined)[] | undefined {
  const roles = cells.map(columnRole);
  const has = (r: ColumnRole) => roles.includes(r);
  if (!(has('task') || has('measure')) || !(has('lead') || has('cooperating') || has('deadline')))
    return undefined;
  const leads = roles.flatMap((r, i) => (r === 'lead' ? [i] : []));
  if (leads.length > 1) {
    for (const i of leads.slice(1))
      if (/责任/u.test(cells[i] ?? '') && !/牵头/u.test(cells[i] ?? '')) roles[i] = 'cooperating';
  }
  return roles;
}

/** The cells of a pipe row; undefined for a Markdown separator row (|---|:--:|). */
export function pipeCells(line: string): string[] | undefined {
  const t = line.trim();
  if (!t.startsWith('|')) return undefined;
  const cells = t
    .replace(/^\|/u, '')
    .replace(/\|$/u, '')
    .split('|')
    .map((c) => c.trim());
  if (cells.every((c) => /^:?-{2,}:?$/u.test(c) || c === '')) return cells.some((c) => c) ? undefined : cells;
  return cells;
}

export const distinctValues = (cells: readonly string[]): string[] => [...new Set(cells.filter((c) => c))];
