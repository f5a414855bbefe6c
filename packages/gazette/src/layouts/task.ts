import {
  extractDeadlines,
  extractRecurringDeadlines,
  reportingFrequency,
  undatedPhrases,
} from '../deadlines';
import { extractIndicators } from '../indicators';
import { AssignmentBuilder } from '../responsibility';
import type { Deadline, Frequency, LineRange, RecurringDeadline, Task } from '../schema';
import type { Label } from './labels';
import type { LayoutContext } from './types';

export interface TaskDraft {
  ref: string;
  kind: Task['kind'];
  title: string;
  text: string;
  path: string[];
  sourceLines: LineRange;
  /** Who and by when, from labelled lines, a closing parenthesis or table columns. */
  labels: (Label & { line: number })[];
}

const SCHEDULE: [RegExp, Frequency][] = [
  [/每周/u, 'weekly'],
  [/每月/u, 'monthly'],
  [/每(?:一)?季度/u, 'quarterly'],
  [/每半年/u, 'semiannual'],
  [/每年/u, 'yearly'],
];

interface Timing {
  deadlines: Deadline[];
  recurring: RecurringDeadline[];
  phrases: string[];
}

/** The dates, schedules and undated phrases of a text; a deadline field is read in full. */
function timingOf(text: string, field: boolean, line: number, ref: string, ctx: LayoutContext): Timing {
  const { deadlines, unparsed } = extractDeadlines(text, ctx.year);
  const recurring = extractRecurringDeadlines(text);
  const phrases = undatedPhrases(text, field);
  for (const phrase of unparsed) {
    ctx.log.add('unparsed-deadline', `"${phrase}" in ${ref} names no year; kept without a date`, line);
  }
  phrases.push(...unparsed);
  if (field && deadlines.length + recurring.length + phrases.length === 0) {
    ctx.log.add('unparsed-deadline', `完成时限 "${text}" in ${ref} gives no date; kept as written`, line);
    phrases.push(text);
  }
  return { deadlines, recurring, phrases };
}

/** "10个工作日内" is a time span, not a count: hidden (same length) before indicators are read. */
const withoutSpans = (text: string) =>
  text.replace(/(?:\d{1,3}|[一二三四五六七八九十]{1,3})个?(?:工作日|自然日|日|天)内/gu, (s) =>
    '　'.repeat(s.length),
  );

const uniqueBy = <T>(items: T[], key: (t: T) => string): T[] => {
  const seen = new Set<string>();
  return items.filter((t) => !seen.has(key(t)) && seen.add(key(t)));
};

/** A supervision item from a layout's draft: units resolved, times dated, indicators read. */
export function buildTask(draft: TaskDraft, ctx: LayoutContext): Task {
  const assignment = new AssignmentBuilder(ctx.log);
  const leaders: string[] = [];
  const timings: Timing[] = [timingOf(draft.text, false, draft.sourceLines.from, draft.ref, ctx)];
  for (const label of draft.labels) {
    if (label.role === 'lead' || label.role === 'cooperating')
      assignment.addList(label.role, label.value, label.line);
    else if (label.role === 'leader') leaders.push(label.value);
    else timings.push(timingOf(label.value, true, label.line, draft.ref, ctx));
  }
  const { lead, cooperating, others, duties } = assignment.build();
  if (lead.length === 0) {
    ctx.log.add(
      'no-lead-unit',
      `task ${draft.ref} "${draft.title.slice(0, 30)}" names no lead unit`,
      draft.sourceLines.from,
    );
  }
  const phrases = [...new Set(timings.flatMap((t) => t.phrases))];
  const task: Task = {
    ref: draft.ref,
    kind: draft.kind,
    title: draft.title,
    text: draft.text,
    path: draft.path,
    sourceLines: draft.sourceLines,
    lead,
    cooperating,
    otherParties: others,
    duties,
    deadlines: uniqueBy(
      timings.flatMap((t) => t.deadlines),
      (d) => `${d.date}|${d.phrase}`,
    ),
    recurringDeadlines: uniqueBy(
      timings.flatMap((t) => t.recurring),
      (r) => r.phrase,
    ),
    indicators: extractIndicators(withoutSpans(draft.text)),
  };
  const timeText = [
    draft.text,
    ...draft.labels.filter((l) => l.role === 'deadline').map((l) => l.value),
  ].join('\n');
  const frequency =
    reportingFrequency(timeText) ?? SCHEDULE.find(([re]) => phrases.some((p) => re.test(p)))?.[1];
  if (frequency) task.reportingFrequency = frequency;
  if (leaders.length > 0) task.responsibleLeader = [...new Set(leaders)].join('、');
  if (phrases.length > 0) task.deadlinePhrases = phrases;
  return task;
}

/** The first sentence of a text, as an item's title. */
export function titleOf(text: string): string {
  const line = (text.split('\n')[0] ?? '').trim();
  const m = /^(.+?)[。;；!！?？]/u.exec(line);
  return (m?.[1] ?? line).replace(/[：:]$/u, '').trim() || line;
}

export const rangeOf = (lines: { n: number }[]): LineRange => ({
  from: Math.min(...lines.map((l) => l.n)),
  to: Math.max(...lines.map((l) => l.n)),
});
