// One unit's reporting year under 四(三): a report due each month on the report day, its colour on the
// warning ladder (DESIGN §5: blue in the window before the day, red once the day has passed with no
// report; a report filed late brings it back to green and is marked late). Pure: the workflow
// passes the time in.
import {
  addCivilDays,
  civilDateFrom,
  civilDateOf,
  colourFor,
  endOfCivilDay,
  nextColourChangeAt,
} from '@duban/calendar';
import type { Colour } from '@duban/contracts';
import { refuse } from '@duban/workflow-core/refusal';
import {
  NDRC,
  ProjectQualityEvents,
  type Talk,
  type ProjectProgress,
  type StartUnitYear,
  type UnitYearCommand,
  type UnitYearSnapshot,
} from './contracts/index';
import { reportDueOn } from './report-day';

export interface UnitYearState {
  y: UnitYearSnapshot;
  warningWindowDays: number;
}

export type Fact = [type: string, step: string, extra: Record<string, unknown>];

const REF = '青政办发〔2019〕40号 四(三)';
/**
 * The year's reports are summed up for 年终项目考核 (四(三) "此项工作将列为年终项目考核依据"): the
 * year closes at the end of the next January, and a month still missing then stays missed (our
 * reading: the text sets no date).
 */
export const yearClosesAfter = (year: number): string => civilDateFrom(year + 1, 1, 31);
/** A year opened after that (a past year entered now) gets a month from its opening to be filled in. */
export const BACKFILL_DAYS = 31;

function closesAfter(year: number, now: number): string {
  const usual = yearClosesAfter(year);
  const backfill = addCivilDays(civilDateOf(now), BACKFILL_DAYS);
  return backfill > usual ? backfill : usual;
}

export function newUnitYearState(input: StartUnitYear, now: number): UnitYearState {
  const months = [];
  for (let m = input.fromMonth; m <= 12; m += 1)
    months.push({
      month: m,
      due: reportDueOn(input.year, m, input.reportDay, input.restDayRule),
      colour: 'green' as Colour,
      reportedOn: null,
      late: false,
      work: '',
      progress: [],
    });
  return {
    warningWindowDays: input.warningWindowDays,
    y: {
      unitCode: input.unitCode,
      year: input.year,
      projectIds: [...input.projectIds],
      months,
      colour: 'green',
      closed: false,
      closesAfter: closesAfter(input.year, now),
      talks: [],
      version: 0,
    },
  };
}

/** Refuses what the unit may not report; returns nothing when it may. */
export function checkUnitYearAction(state: UnitYearState, command: UnitYearCommand, now: number): void {
  const { y } = state;
  if (y.closed) refuse(`${y.year}年度报送已结束`);
  if (command.action === 'summon') {
    if (command.actor.role !== 'bureau' || command.actor.unitCode !== NDRC)
      refuse('约谈名单由发展和改革局按季度排名提出（二(三)）');
    return;
  }
  if (command.actor.role !== 'bureau' || command.actor.unitCode !== y.unitCode)
    refuse(`每月工作情况由 ${y.unitCode} 报送本单位的（四(三)）`);
  const body = command.body as { month: number; progress: ProjectProgress[] };
  const slot = y.months.find((s) => s.month === body.month);
  if (!slot) return refuse(`${y.year}年${body.month}月不在本单位的报送月份内`);
  if (slot.reportedOn) refuse(`${y.year}年${body.month}月已于 ${slot.reportedOn} 报送`);
  if (civilDateOf(now) < civilDateFrom(y.year, body.month, 1)) refuse(`${body.month}月尚未开始，不能报送`);
  const unknown = body.progress.filter((p) => !y.projectIds.includes(p.projectId)).map((p) => p.projectId);
  if (unknown.length) refuse(`不是本单位台账中的项目：${unknown.join('、')}`);
}

export function applyUnitYearAction(state: UnitYearState, command: UnitYearCommand, now: number): Fact[] {
  if (command.action === 'summon') return summon(state, command.body as Omit<Talk, 'listedOn'>, now);
  const body = command.body as { month: number; work: string; progress: ProjectProgress[] };
  const slot = state.y.months.find((s) => s.month === body.month)!;
  const on = civilDateOf(now);
  slot.reportedOn = on;
  slot.late = on > slot.due;
  slot.work = body.work;
  slot.progress = body.progress.map((p) => ({ ...p, problems: p.problems ?? '' }));
  return [[ProjectQualityEvents.MonthlyReportFiled.type, 'report', { month: slot.month, late: slot.late }]];
}

/** 二(三): a quarter's listing once; listing it again changes nothing. */
function summon(state: UnitYearState, talk: Omit<Talk, 'listedOn'>, now: number): Fact[] {
  const talks = (state.y.talks ??= []);
  if (talks.some((t) => t.quarter === talk.quarter)) return [];
  talks.push({ ...talk, listedOn: civilDateOf(now) });
  return [[ProjectQualityEvents.TalkListed.type, `talk:${talk.quarter}`, { ...talk }]];
}

const WORDS: Partial<Record<Colour, string>> = {
  green: '已报送或未到预警期',
  blue: '临近报送日',
  red: '逾期未报送，报领导小组',
};
const RANK: Record<Colour, number> = { none: 0, green: 1, blue: 2, yellow: 3, red: 4 };

/** Each month's colour at `now` (and the year's close); the facts of what moved. */
export function onUnitYearTime(state: UnitYearState, now: number): Fact[] {
  const { y } = state;
  const facts: Fact[] = [];
  for (const s of y.months) {
    const to: Colour = s.reportedOn
      ? 'green'
      : colourFor({ now, deadline: s.due, warningWindowDays: state.warningWindowDays, reportMissing: false });
    if (to === s.colour) continue;
    facts.push([
      ProjectQualityEvents.ReportColourChanged.type,
      `colour:${s.month}`,
      {
        month: s.month,
        from: s.colour,
        to,
        ref: REF,
        reason: `${y.year}年${s.month}月工作情况：${WORDS[to] ?? to}（报送日 ${s.due}，${REF}）`,
      },
    ]);
    s.colour = to;
  }
  y.colour = y.months.reduce<Colour>((w, s) => (RANK[s.colour] > RANK[w] ? s.colour : w), 'green');
  const allIn = y.months.every((s) => s.reportedOn);
  if (!y.closed && (allIn || now > endOfCivilDay(y.closesAfter ?? yearClosesAfter(y.year)).getTime())) {
    y.closed = true;
    facts.push([
      ProjectQualityEvents.UnitYearClosed.type,
      'closed',
      { missed: y.months.filter((s) => !s.reportedOn).map((s) => s.month) },
    ]);
  }
  return facts;
}

/** The next instant time alone changes something: a colour, or the year's close. */
export function nextUnitYearWakeAt(state: UnitYearState, now: number): number | null {
  if (state.y.closed) return null;
  const marks = state.y.months
    .filter((s) => !s.reportedOn)
    .map(
      (s) =>
        nextColourChangeAt({ now, deadline: s.due, warningWindowDays: state.warningWindowDays })?.getTime() ??
        null,
    )
    .filter((m): m is number => m !== null && m > now);
  marks.push(endOfCivilDay(state.y.closesAfter ?? yearClosesAfter(state.y.year)).getTime() + 1);
  return Math.min(...marks);
}
