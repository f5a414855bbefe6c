import { toHalfWidth } from '../text';

/** What a labelled line or a part of a closing parenthesis assigns. */
export type LabelRole = 'lead' | 'cooperating' | 'leader' | 'deadline';

export interface Label {
  role: LabelRole;
  value: string;
}

const LABEL_NAMES: [LabelRole, string][] = [
  ['leader', '牵头负责领导|责任领导|牵头领导|分管领导|包抓领导|负责领导|牵头市领导|责任市领导'],
  ['lead', '牵头责任单位|牵头单位|主体责任单位|责任单位|牵头部门|责任部门|主责单位'],
  ['cooperating', '协同责任单位|协同单位|配合单位|配合部门|协办单位|参与单位'],
  ['deadline', '完成时限|时间节点|完成时间|时限要求|办结时限|完成期限'],
];
const LABEL = new RegExp(`(${LABEL_NAMES.map(([, n]) => n).join('|')})\\s*[:：]`, 'gu');
const roleOf = (name: string): LabelRole =>
  LABEL_NAMES.find(([, names]) => names.split('|').includes(name))?.[0] ?? 'lead';

/**
 * Split a line at its labels: "推进…。牵头单位：市发改局；配合单位：市财政局" → the text before the
 * first label and each label's value (up to the next label, without closing punctuation).
 */
export function splitLabels(text: string): { body: string; labels: Label[] } {
  const hits = [...text.matchAll(LABEL)];
  if (hits.length === 0) return { body: text, labels: [] };
  const first = hits[0]?.index ?? 0;
  // A label inside brackets belongs to a parenthesis, which the parenthetical layout reads.
  const open = (text.slice(0, first).match(/[（(]/gu) ?? []).length;
  const close = (text.slice(0, first).match(/[）)]/gu) ?? []).length;
  if (open > close) return { body: text, labels: [] };
  const labels = hits.map((m, k) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = hits[k + 1]?.index ?? text.length;
    const value = text.slice(from, to).replace(/^[\s，,；;。]+|[\s，,；;。]+$/gu, '');
    return { role: roleOf(m[1] ?? ''), value };
  });
  return { body: text.slice(0, first).trim(), labels: labels.filter((l) => l.value) };
}

export const hasLabel = (text: string): boolean => splitLabels(text).labels.length > 0;

const LEAD_PART = /^(.+?)(?:等部门|等单位)?(?:共同)?(?:牵头|负责)(?:落实|实施|推进)?$/u;
const COOPERATE_PART = /^(.+?)(?:等部门|等单位)?(?:配合|协同|参与|协助)(?:落实|实施|推进)?$/u;
const ASSIGNING = /[(]([^()]*(?:牵头|负责|配合|责任单位|牵头单位)[^()]*)[)]/gu;

/** The labels of an assigning parenthesis: "（市发改局牵头，市财政局、商务局配合）", "（牵头单位：…；配合单位：…）". */
function parenthesisLabels(inner: string): Label[] {
  const labelled = splitLabels(inner);
  if (labelled.labels.length > 0 && !labelled.body) return labelled.labels;
  const labels: Label[] = [];
  for (const part of inner.split(/[,;，；]/u).map((s) => s.trim())) {
    const lead = LEAD_PART.exec(part);
    const cooperate = lead ? undefined : COOPERATE_PART.exec(part);
    if (lead?.[1]) labels.push({ role: 'lead', value: lead[1] });
    else if (cooperate?.[1]) labels.push({ role: 'cooperating', value: cooperate[1] });
  }
  return labels;
}

/** Every assigning parenthesis in a text, with what it assigns; text is compared half-width. */
export function parenthesisAssignments(text: string): { phrase: string; labels: Label[] }[] {
  const half = toHalfWidth(text);
  const out: { phrase: string; labels: Label[] }[] = [];
  for (const m of half.matchAll(ASSIGNING)) {
    const labels = parenthesisLabels(m[1] ?? '');
    const at = m.index ?? 0;
    if (labels.length > 0) out.push({ phrase: text.slice(at, at + m[0].length), labels });
  }
  return out;
}

/** Whether a line closes with an assigning parenthesis (a measure of the parenthetical layout). */
export function endsWithAssignment(text: string): boolean {
  const half = toHalfWidth(text).replace(/[。;；.\s]+$/u, '');
  const found = parenthesisAssignments(text);
  const last = found[found.length - 1];
  return last !== undefined && half.endsWith(toHalfWidth(last.phrase));
}
