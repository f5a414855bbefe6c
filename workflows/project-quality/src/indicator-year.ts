// One lead unit's indicators of one year: each on the warning ladder of its report date until its
// value comes (DESIGN §5: blue in the window, red once the date passed unreported), then green with
// met or missed (the comparison of its clause, 以上 including the number). A correction replaces the
// value. Pure: the workflow passes the time in. Never closes by itself: a value may be corrected
// whenever the unit's statistics are revised (our reading); the service ends it when re-imported away.
import { civilDateOf, colourFor, nextColourChangeAt } from '@duban/calendar';
import type { Actor, Colour } from '@duban/contracts';
import { refuse } from '@duban/workflow-core/refusal';
import { meets } from './comparison';
import type { IndicatorYearSnapshot, StartIndicatorYear, TrackIndicator } from './contracts/indicators';
import { ProjectQualityEvents } from './contracts/index';
import type { Fact } from './unit-year';

export interface IndicatorYearState {
  y: IndicatorYearSnapshot;
  warningWindowDays: number;
}
export interface IndicatorYearCommand {
  action: 'track' | 'report';
  actor: Actor;
  body: Record<string, unknown>;
}
type ReportBody = { indicatorId: string; value: number; source: string };

const fresh = (i: TrackIndicator) => ({
  ...i,
  colour: 'green' as Colour,
  value: null,
  source: null,
  met: null,
  reportedOn: null,
  reportedBy: null,
});

export function newIndicatorYearState(input: StartIndicatorYear): IndicatorYearState {
  return {
    warningWindowDays: input.warningWindowDays,
    y: {
      unitCode: input.unitCode,
      year: input.year,
      lines: input.indicators.map(fresh),
      colour: 'green',
      version: 0,
    },
  };
}

export function checkIndicatorYearAction(state: IndicatorYearState, command: IndicatorYearCommand): void {
  if (command.action === 'track') return;
  const body = command.body as ReportBody;
  // Any lead unit of the indicator's clause may report it: the service checks them (the import's).
  if (command.actor.role !== 'bureau') refuse(`指标值由牵头单位 ${state.y.unitCode} 报送`);
  if (!state.y.lines.some((l) => l.indicatorId === body.indicatorId))
    refuse(`${state.y.year}年没有指标 ${body.indicatorId}`);
}

export function applyIndicatorYearAction(
  state: IndicatorYearState,
  command: IndicatorYearCommand,
  now: number,
): Fact[] {
  const { y } = state;
  if (command.action === 'track') {
    const given = (command.body as { indicators: TrackIndicator[] }).indicators;
    const facts: Fact[] = [];
    for (const i of given) {
      const line = y.lines.find((l) => l.indicatorId === i.indicatorId);
      if (!line) y.lines.push(fresh(i));
      else if (JSON.stringify({ ...line, ...i }) !== JSON.stringify(line)) {
        Object.assign(line, i);
        if (line.value !== null) line.met = meets(line.value, line.comparison, line.target);
      } else continue;
      facts.push([
        ProjectQualityEvents.IndicatorTracked.type,
        `track:${i.indicatorId}`,
        { indicatorId: i.indicatorId },
      ]);
    }
    return facts;
  }
  const body = command.body as ReportBody;
  const line = y.lines.find((l) => l.indicatorId === body.indicatorId)!;
  line.value = body.value;
  line.source = body.source;
  line.met = meets(body.value, line.comparison, line.target);
  line.reportedOn = civilDateOf(now);
  line.reportedBy = command.actor.userId;
  return [
    [
      ProjectQualityEvents.IndicatorReported.type,
      `report:${body.indicatorId}`,
      { indicatorId: body.indicatorId, value: body.value, met: line.met },
    ],
  ];
}

const RANK: Record<Colour, number> = { none: 0, green: 1, blue: 2, yellow: 3, red: 4 };

/** Each line's colour at `now`; the facts of what moved. */
export function onIndicatorYearTime(state: IndicatorYearState, now: number): Fact[] {
  const facts: Fact[] = [];
  for (const l of state.y.lines) {
    const to: Colour =
      l.value !== null
        ? 'green'
        : colourFor({
            now,
            deadline: l.due,
            warningWindowDays: state.warningWindowDays,
            reportMissing: false,
          });
    if (to === l.colour) continue;
    facts.push([
      ProjectQualityEvents.IndicatorColourChanged.type,
      `colour:${l.indicatorId}`,
      {
        indicatorId: l.indicatorId,
        from: l.colour,
        to,
        reason: `指标“${l.name}”${state.y.year}年值${to === 'red' ? '逾期未报送' : to === 'blue' ? '临近报送日' : '已报送'}（报送日 ${l.due}）`,
      },
    ]);
    l.colour = to;
  }
  state.y.colour = state.y.lines.reduce<Colour>((w, l) => (RANK[l.colour] > RANK[w] ? l.colour : w), 'green');
  return facts;
}

/** The next instant time alone changes a colour; null when every line is reported or red. */
export function nextIndicatorYearWakeAt(state: IndicatorYearState, now: number): number | null {
  const marks = state.y.lines
    .filter((l) => l.value === null)
    .map((l) => nextColourChangeAt({ now, deadline: l.due, warningWindowDays: state.warningWindowDays }))
    .filter((d): d is Date => d !== null && d.getTime() > now)
    .map((d) => d.getTime());
  return marks.length ? Math.min(...marks) : null;
}
