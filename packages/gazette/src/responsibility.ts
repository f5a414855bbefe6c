import { readUnitListPrefix, resolveUnit, resolveUnitList } from '@duban/units';
import type { Unit, UnitRef } from '@duban/units';
import { markerText } from './paragraphs';
import type { Paragraph } from './paragraphs';
import { MARKERS, toHalfWidth } from './text';
import type { WarningLog } from './warnings';

/** Who answers for a task: lead (牵头/责任), co-operating (配合), parties outside the registry. */
export interface Assignment {
  lead: UnitRef[];
  cooperating: UnitRef[];
  others: string[];
  duties: { units: UnitRef[]; text: string }[];
}

const toRef = (u: Unit): UnitRef => ({ code: u.code, name: u.name });

/** Collects who answers for an item; exported for the notice layouts, which read the same lists. */
export class AssignmentBuilder {
  private readonly lead: UnitRef[] = [];
  private readonly cooperating: UnitRef[] = [];
  private readonly others: string[] = [];
  private readonly duties: Assignment['duties'] = [];

  constructor(private readonly log: WarningLog) {}

  /** Resolve an explicit list, warning about every name the registry does not know. */
  addList(role: 'lead' | 'cooperating', list: string, line: number): void {
    const { units, unknown, others } = resolveUnitList(list);
    for (const name of unknown) this.log.add('unknown-unit', `unknown unit "${name}" in "${list}"`, line);
    this.addUnits(role, units);
    for (const o of others) if (!this.others.includes(o)) this.others.push(o);
  }

  addUnits(role: 'lead' | 'cooperating', units: Unit[]): void {
    const target = role === 'lead' ? this.lead : this.cooperating;
    for (const u of units) if (!target.some((t) => t.code === u.code)) target.push(toRef(u));
  }

  addOthers(others: string[]): void {
    for (const o of others) if (!this.others.includes(o)) this.others.push(o);
  }

  addDuty(units: Unit[], text: string): void {
    this.duties.push({ units: units.map(toRef), text });
  }

  build(): Assignment {
    // A lead that the text also lists as co-operating answers as lead only.
    const cooperating = this.cooperating.filter((c) => !this.lead.some((l) => l.code === c.code));
    return { lead: this.lead, cooperating, others: this.others, duties: this.duties };
  }
}

/** "牵头单位：… / 配合单位：… / 责任单位：…" lines under an item. */
export function explicitAssignment(lines: Paragraph[], log: WarningLog): Assignment | undefined {
  if (lines.length === 0) return undefined;
  const builder = new AssignmentBuilder(log);
  for (const para of lines) {
    const t = markerText(para.text);
    const m = MARKERS.responsibility.exec(t);
    if (!m) continue;
    const role = m[1] === '牵头单位' || m[1] === '责任单位' ? 'lead' : 'cooperating';
    builder.addList(role, t.slice(m[0].length), para.from);
  }
  return builder.build();
}

const LEAD_PART = /^(.*?)(?:等部门|等单位)?(?:分别)?(?:牵头|负责)(?:落实|负责)?$/u;
const COOPERATE_PART = /^(.*?)(?:等部门|等单位)?(?:分别)?(?:配合|落实)(?:落实)?$/u;

/** "(发展和改革局牵头，工信局、自然资源局等部门配合落实)" inside the running text. */
export function parentheticalAssignment(paras: Paragraph[], log: WarningLog): Assignment | undefined {
  const builder = new AssignmentBuilder(log);
  let found = false;
  for (const para of paras) {
    for (const m of toHalfWidth(para.text).matchAll(/\(([^()]{2,160}?)\)/gu)) {
      const inner = m[1] ?? '';
      if (!/牵头|负责/u.test(inner)) continue;
      for (const part of inner.split(/[,;]/u).map((s) => s.trim())) {
        const lead = LEAD_PART.exec(part);
        const cooperate = lead ? undefined : COOPERATE_PART.exec(part);
        if (lead?.[1]) builder.addList('lead', lead[1], para.from);
        else if (cooperate?.[1]) builder.addList('cooperating', cooperate[1], para.from);
        else continue;
        found = true;
      }
    }
  }
  return found ? builder.build() : undefined;
}

/** What may follow a subject list for it to be the subject of a duty. */
const DUTY_VERB =
  /^(?::|要|负责|会同|牵头|主导|将|应|必须|严格|依据|根据|按照|按|拟定|与|对|及时|具体|切实|认真|加强|做好|参与|统筹)/u;
/** After 由 only these make the named unit the one in charge ("由教育局汇总" does not). */
const BY_VERB = /^(?:牵头|主导|负责)/u;
/** A clause that opens with something shaped like an organ name followed by a duty verb. */
const ORGAN_SHAPED = /^由?市?([\u4e00-\u9fff]{2,12}?(?:局|委|办|部|中心|站|公司|院|街道))(?:要|负责|牵头)/u;

interface Subject {
  units: Unit[];
  others: string[];
  end: number;
}

function subjectOf(clause: string): Subject | undefined {
  const prefix = readUnitListPrefix(clause);
  if (!prefix) return undefined;
  const units: Unit[] = [];
  const others: string[] = [];
  for (const party of prefix.parties) {
    if (party.kind === 'unit') units.push(party.unit);
    else if (party.kind === 'group') units.push(...party.units);
    else if (party.kind === 'generic') others.push(party.mention);
  }
  if (units.length === 0) return undefined;
  const rest = toHalfWidth(clause.slice(prefix.end));
  const verb = toHalfWidth(clause).startsWith('由') ? BY_VERB : DUTY_VERB;
  return verb.test(rest) ? { units, others, end: prefix.end } : undefined;
}

/**
 * The units whose own duty a paragraph opens with, "财政局：要…" (a unit list, then a colon), or
 * undefined. Read like a prose subject: the first clause of the paragraph, half-width.
 */
export function dutyUnitsOf(para: Paragraph): Unit[] | undefined {
  const first = para.text.split(/[，,。；;！!？?]/u)[0]?.trim() ?? '';
  const subject = subjectOf(first);
  return subject && /^[:：]/u.test(first.slice(subject.end)) ? subject.units : undefined;
}

/** Units named right after a co-operation word: "会同农业农村局", "与市财政局对接". */
function cooperatorsIn(text: string): Unit[] {
  const found: Unit[] = [];
  const half = toHalfWidth(text);
  for (const m of half.matchAll(/会同|与/gu)) {
    const start = (m.index ?? 0) + m[0].length;
    const prefix = readUnitListPrefix(half.slice(start));
    if (!prefix) continue;
    if (m[0] === '与' && !/^(?:对接|沟通|协商|配合)/u.test(half.slice(start + prefix.end))) continue;
    for (const p of prefix.parties) {
      if (p.kind === 'unit') found.push(p.unit);
      else if (p.kind === 'group') found.push(...p.units);
    }
  }
  return found;
}

/**
 * Duties written as prose (耕地保护, 幼儿园工作措施, 购买服务实施步骤): every clause whose subject is a
 * unit list followed by a duty verb names a lead; "会同 X" and "与 X 对接" name co-operating units; a
 * paragraph that opens "X：要…" is X's own duty.
 */
export function proseAssignment(paras: Paragraph[], log: WarningLog): Assignment {
  const builder = new AssignmentBuilder(log);
  for (const para of paras) {
    const clauses = para.text.split(/[，,。；;！!？?]/u).map((c) => c.trim());
    clauses.forEach((clause, index) => {
      const subject = subjectOf(clause);
      if (subject) {
        builder.addUnits('lead', subject.units);
        builder.addOthers(subject.others);
        if (index === 0 && /^[:：]/u.test(clause.slice(subject.end)))
          builder.addDuty(subject.units, para.text);
        return;
      }
      const shaped = ORGAN_SHAPED.exec(toHalfWidth(clause));
      if (shaped?.[1] && !resolveUnit(shaped[1]).ok && !readUnitListPrefix(clause)) {
        log.add(
          'unknown-unit',
          `unknown unit "${shaped[1]}" as subject of "${clause.slice(0, 30)}"`,
          para.from,
        );
      }
    });
    builder.addUnits('cooperating', cooperatorsIn(para.text));
  }
  return builder.build();
}
