// 每日督办提醒 (issue 19 §3): each unit's open steps due within the horizon and overdue, as one
// message. Pure: the service reads the shared inbox and hands its entries in.
import { addCivilDays, daysBetween, type CivilDate } from '@duban/calendar';
import type { InboxDoc } from '@duban/contracts';
import { unitByCode } from '@duban/units';
import { linkTo, type Message } from './messages';

/**
 * "Due within 7 days" (issue 19 §3): the same seven days as the blue warning's default
 * (packages/calendar DEFAULT_WARNING_WINDOW_DAYS); policy setting `delivery.digest-time`.
 */
export const DIGEST_HORIZON_DAYS = 7;
/** A group robot's markdown holds about 4 KB: the rest is a count and the link to 我的待办. */
const MAX_LINES = 20;

export type DigestEntry = Pick<
  InboxDoc,
  'itemId' | 'unitCode' | 'stepLabel' | 'href' | 'docNo' | 'ref' | 'title' | 'deadline' | 'colour'
>;

/** An inbox entry as the digest reads it (entries written before they named step and link). */
export function digestEntryOf(doc: InboxDoc): DigestEntry {
  return {
    itemId: doc.itemId,
    unitCode: doc.unitCode,
    stepLabel: doc.stepLabel ?? doc.step,
    href: doc.href ?? `#/items/${encodeURIComponent(doc.itemId)}`,
    docNo: doc.docNo,
    ref: doc.ref,
    title: doc.title,
    deadline: doc.deadline,
    colour: doc.colour,
  };
}

/**
 * The entries of each unit's digest on `day`: steps with a deadline before the day (overdue) or
 * within the horizon from it, most overdue first. Units with none get no digest.
 */
export function digestsOf(entries: readonly DigestEntry[], day: CivilDate): Map<string, DigestEntry[]> {
  const horizon = addCivilDays(day, DIGEST_HORIZON_DAYS);
  const byUnit = new Map<string, DigestEntry[]>();
  for (const e of entries) {
    if (e.deadline === null || e.deadline > horizon) continue;
    const list = byUnit.get(e.unitCode) ?? [];
    list.push(e);
    byUnit.set(e.unitCode, list);
  }
  for (const list of byUnit.values())
    list.sort(
      (a, b) =>
        (a.deadline ?? '').localeCompare(b.deadline ?? '') ||
        a.itemId.localeCompare(b.itemId) ||
        a.stepLabel.localeCompare(b.stepLabel),
    );
  return new Map([...byUnit].sort(([a], [b]) => a.localeCompare(b)));
}

/** The delivery source of one unit's digest of one day: its delivery ids are fixed by it. */
export function digestSource(day: CivilDate, unitCode: string): string {
  return `digest|${day}|${unitCode}`;
}

function when(day: CivilDate, deadline: string): string {
  const left = daysBetween(day, deadline);
  if (left < 0) return `逾期${-left}天`;
  if (left === 0) return '今日到期';
  return `${left}天后到期`;
}

export function digestMessage(
  unitCode: string,
  entries: readonly DigestEntry[],
  day: CivilDate,
  consoleUrl: string,
): Message {
  const unitName = unitByCode(unitCode)?.name ?? unitCode;
  const overdue = entries.filter((e) => e.deadline !== null && e.deadline < day).length;
  const soon = entries.length - overdue;
  const title = `【每日督办提醒】${unitName} ${day}：逾期${overdue}项，7日内到期${soon}项`;
  const link = linkTo(consoleUrl, '#/inbox');
  const shown = entries.slice(0, MAX_LINES);
  const more = entries.length - shown.length;
  const line = (e: DigestEntry) =>
    `${when(day, e.deadline!)}（${e.deadline}）${e.docNo} ${e.ref} ${e.title}：${e.stepLabel}`;
  const text = [
    title,
    ...shown.map((e) => `· ${line(e)} ${linkTo(consoleUrl, e.href)}`),
    more > 0 ? `另有${more}项` : null,
    `我的待办：${link}`,
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
  const markdown = [
    `### ${title}`,
    ...shown.map((e) => `- [${line(e)}](${linkTo(consoleUrl, e.href)})`),
    more > 0 ? `另有${more}项` : null,
    `[打开我的待办](${link})`,
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
  return { title, text, markdown, link };
}
