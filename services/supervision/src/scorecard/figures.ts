// The unit scorecard (考核) of one period, folded from what the supervision events carried: the
// item snapshots (`items`, rebuilt from the stream) and the extension facts of the timeline. Pure:
// the period and the instant it is judged at are passed in.
import { civilDateOf, daysBetween, endOfCivilDay } from '@duban/calendar';
import type { ItemSnapshot, Rating } from '@duban/workflow-supervision/client';
import { SCORE_RULES } from './rules';

export interface Period {
  /** 2020Q4, 2020 … as the caller named it. */
  key: string;
  from: string;
  to: string;
}

/** An extension a unit asked for, or one granted it (from the timeline). */
export interface ExtensionFact {
  unitCode: string;
  at: string;
  granted: boolean;
}

export interface UnitFigures {
  unitCode: string;
  due: number;
  closedOnTime: number;
  closedLate: number;
  stillOverdue: number;
  /** Days past the deadline: of the parts closed late, and of those still overdue (to the judging day). */
  daysOverdue: number;
  /** The still-overdue parts' share of daysOverdue. */
  daysStillOverdue: number;
  urgesReceived: number;
  urgesAnsweredLate: number;
  urgesUnanswered: number;
  extensionsAsked: number;
  extensionsGranted: number;
  ratings: Record<Rating, number>;
  /** Closed on time of those due and decided (closed, or overdue at the judging instant); null: none. */
  onTimeRate: number | null;
  score: number;
  rank: number;
}

const within = (date: string, period: Period) => date >= period.from && date <= period.to;

function blank(unitCode: string): UnitFigures {
  return {
    unitCode,
    due: 0,
    closedOnTime: 0,
    closedLate: 0,
    stillOverdue: 0,
    daysOverdue: 0,
    daysStillOverdue: 0,
    urgesReceived: 0,
    urgesAnsweredLate: 0,
    urgesUnanswered: 0,
    extensionsAsked: 0,
    extensionsGranted: 0,
    ratings: { good: 0, fairly_good: 0, average: 0, poor: 0 },
    onTimeRate: null,
    score: 0,
    rank: 0,
  };
}

/** Each unit's part of an item: its deadline and when it finished it (null: not yet). */
function partsOf(item: ItemSnapshot): { unitCode: string; deadline: string | null; doneAt: string | null }[] {
  // The lead finishes when it asks to close (the clock stops then); the close confirms it.
  const leadDone = item.state === 'closed' ? (item.lastProgressAt ?? item.closedAt) : null;
  return [
    ...item.leadUnits.map((unitCode) => ({ unitCode, deadline: item.deadline, doneAt: leadDone })),
    ...item.subTasks.map((s) => ({
      unitCode: s.unitCode,
      deadline: s.deadline,
      doneAt: s.state === 'done' ? s.lastProgressAt : item.state === 'closed' ? item.closedAt : null,
    })),
  ];
}

export function scorecardOf(
  items: readonly ItemSnapshot[],
  extensions: readonly ExtensionFact[],
  period: Period,
  judgedAt: number,
): UnitFigures[] {
  const units = new Map<string, UnitFigures>();
  const of = (unitCode: string) => units.get(unitCode) ?? units.set(unitCode, blank(unitCode)).get(unitCode)!;
  const today = civilDateOf(judgedAt);

  for (const item of items) {
    for (const part of partsOf(item)) {
      if (part.deadline === null || !within(part.deadline, period)) continue;
      const f = of(part.unitCode);
      f.due += 1;
      const dueEnd = endOfCivilDay(part.deadline).getTime();
      if (part.doneAt !== null && Date.parse(part.doneAt) <= judgedAt) {
        if (Date.parse(part.doneAt) <= dueEnd) f.closedOnTime += 1;
        else {
          f.closedLate += 1;
          f.daysOverdue += daysBetween(part.deadline, civilDateOf(Date.parse(part.doneAt)));
        }
      } else if (judgedAt > dueEnd) {
        f.stillOverdue += 1;
        f.daysOverdue += daysBetween(part.deadline, today);
        f.daysStillOverdue += daysBetween(part.deadline, today);
      }
    }
    for (const urge of item.urges ?? []) {
      const urgedOn = civilDateOf(Date.parse(urge.at));
      if (!within(urgedOn, period) || Date.parse(urge.at) > judgedAt) continue;
      const f = of(urge.unitCode);
      f.urgesReceived += 1;
      const answered = urge.answeredAt !== null && Date.parse(urge.answeredAt) <= judgedAt;
      const replyEnd = endOfCivilDay(urge.replyBy).getTime();
      if (answered && Date.parse(urge.answeredAt!) > replyEnd) f.urgesAnsweredLate += 1;
      if (!answered && urge.withdrawnAt === null && judgedAt > replyEnd) f.urgesUnanswered += 1;
    }
    if (item.rating && within(civilDateOf(Date.parse(item.rating.at)), period)) {
      for (const unitCode of item.leadUnits) of(unitCode).ratings[item.rating.rating] += 1;
    }
  }
  for (const e of extensions) {
    if (!within(civilDateOf(Date.parse(e.at)), period) || Date.parse(e.at) > judgedAt) continue;
    if (e.granted) of(e.unitCode).extensionsGranted += 1;
    else of(e.unitCode).extensionsAsked += 1;
  }
  return ranked([...units.values()].map(scored));
}

function scored(f: UnitFigures): UnitFigures {
  const decided = f.closedOnTime + f.closedLate + f.stillOverdue;
  const r = SCORE_RULES;
  const ratingPoints = (Object.keys(f.ratings) as Rating[]).reduce(
    (sum, k) => sum + f.ratings[k] * r.rating[k],
    0,
  );
  const score =
    r.base +
    f.closedLate * r.perClosedLate +
    f.stillOverdue * r.perStillOverdue +
    f.daysStillOverdue * r.perOverdueDay +
    (f.urgesAnsweredLate + f.urgesUnanswered) * r.perUrgeLate +
    f.extensionsGranted * r.perExtensionGranted +
    ratingPoints;
  return { ...f, onTimeRate: decided ? f.closedOnTime / decided : null, score: Math.round(score * 10) / 10 };
}

/** Ranked by on-time rate (none: last), then score; equal figures share a rank. */
function ranked(figures: UnitFigures[]): UnitFigures[] {
  const key = (f: UnitFigures) => [f.onTimeRate ?? -1, f.score] as const;
  const sorted = [...figures].sort((a, b) => {
    const [ra, sa] = key(a);
    const [rb, sb] = key(b);
    return rb - ra || sb - sa || a.unitCode.localeCompare(b.unitCode);
  });
  return sorted.map((f, i) => {
    const first = sorted.findIndex((g) => key(g)[0] === key(f)[0] && key(g)[1] === key(f)[1]);
    return { ...f, rank: (first === -1 ? i : first) + 1 };
  });
}

/** 2020Q4 → 2020-10-01…2020-12-31; 2020 → the year (2019–2100, as other year parameters). */
export function periodOf(key: string): Period | null {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2019 || year > 2100) return null;
  if (!m[2]) return { key, from: `${year}-01-01`, to: `${year}-12-31` };
  const q = Number(m[2]);
  const last = ['03-31', '06-30', '09-30', '12-31'][q - 1]!;
  return { key, from: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`, to: `${year}-${last}` };
}
