// A town's yearly responsibility assessment (青政办发〔2019〕28号 三(八)–(十)) as pure functions.
// The workflow calls them; `now` is always passed in.
import { colourFor, endOfCivilDay, nextColourChangeAt } from '@duban/calendar';
import {
  AssessmentActionBodies,
  AssessmentGrants,
  CL_DOC_NO,
  CultivatedEvents,
  StartAssessmentSchema,
  type AssessmentCommand,
  type AssessmentSnapshot,
  type Shortfall,
  type StartAssessment,
  type Targets,
} from './contracts/index';
import { isGranted, type Colour } from '@duban/contracts';
import { refuse, type Fact } from './refusal';
import {
  CITY_ASSESSOR,
  accountabilityReason,
  commendationOf,
  describeShortfalls,
  judgeForCity,
  participantsOf,
  judgeAssessment,
  shortfalls,
  suspensionReason,
} from './rules';

export type AssessmentSettings = ReturnType<typeof StartAssessmentSchema.parse>;
export interface AssessmentState {
  settings: AssessmentSettings;
  a: AssessmentSnapshot;
  /**
   * 三(十) 整改不到位的…问责: a rectification reported and not yet verified when the deadline
   * passes waits for its verification (patch `cl-28-3-10-accountability-after-verification`);
   * unset in assessments whose histories predate it, which raise 问责 at the deadline.
   */
  waitsForVerification?: boolean;
  /**
   * 三(十) 市政府…跟踪问效: the city (督查室 for it) assesses and decides 通报表彰 itself (patch
   * `cl-28-3-10-city-assesses`); unset in assessments begun before it, which 自然资源局 assesses
   * and which commend a town on meeting its targets.
   */
  assessedByCity?: boolean;
}

/** Units that take part in the assessment (三(九)). */
export const DEFAULT_ASSESSORS = ['natres', 'agri', 'stats'];

export function newAssessmentState(
  input: StartAssessment,
  now: number,
  rules: { assessedByCity?: boolean } = {},
): AssessmentState {
  const settings = StartAssessmentSchema.parse(input);
  const a: AssessmentSnapshot = {
    assessmentId: settings.assessmentId,
    year: settings.year,
    townCode: settings.townCode,
    townName: settings.townName,
    docNo: CL_DOC_NO,
    ref: '三(十)',
    phase: 'reporting',
    targets: settings.targets,
    reportDeadline: settings.reportDeadline,
    actuals: null,
    reportedAt: null,
    result: null,
    rectificationDeadline: null,
    rectificationReports: [],
    suspension: null,
    escalatedAt: null,
    openStep: null,
    colour: 'green',
    createdAt: new Date(now).toISOString(),
    setBy: settings.setBy,
    closedAt: null,
    version: 0,
  };
  const state: AssessmentState = { settings, a };
  if (rules.assessedByCity) state.assessedByCity = true;
  setOpenStep(state);
  refreshAssessmentColour(state, now);
  return state;
}

function setOpenStep(state: AssessmentState): void {
  const a = state.a;
  const town = a.townCode;
  switch (a.phase) {
    case 'reporting':
      a.openStep = {
        key: 'report',
        title: '报告年度耕地保护责任目标完成情况',
        unitCode: town,
        deadline: a.reportDeadline,
      };
      return;
    case 'assessing':
      a.openStep = state.assessedByCity
        ? {
            key: 'assess',
            title: '考核评定（市政府督查室；农业农村局、统计局参与）',
            unitCode: CITY_ASSESSOR,
            deadline: null,
          }
        : {
            key: 'assess',
            title: '考核（会同农业农村局、统计局）',
            unitCode: 'natres',
            deadline: null,
          };
      return;
    case 'rectifying':
      a.openStep = {
        key: 'rectify',
        title: '限期整改并报告整改情况',
        unitCode: town,
        deadline: a.rectificationDeadline,
      };
      return;
    case 'verifying':
      a.openStep = {
        key: 'verify',
        title: '核查整改情况',
        unitCode: 'natres',
        deadline: a.rectificationDeadline,
      };
      return;
    case 'closed':
      a.openStep = null;
  }
}

/** The assessment's colour is its open step's (DESIGN §5); returns the change, if any. */
export function refreshAssessmentColour(
  state: AssessmentState,
  now: number,
): { scope: string; from: Colour; to: Colour; reason: string } | null {
  const a = state.a;
  const step = a.openStep;
  const colour: Colour =
    a.phase === 'closed'
      ? 'none'
      : step?.deadline
        ? colourFor({
            now,
            deadline: step.deadline,
            warningWindowDays: state.settings.warningWindowDays,
            reportMissing: false,
          })
        : 'green';
  if (colour === a.colour) return null;
  const from = a.colour;
  a.colour = colour;
  const what = step ? `${step.title}（${step.deadline ?? '无期限'}）` : '';
  const reason =
    colour === 'red'
      ? `已超过期限：${what}`
      : colour === 'blue'
        ? `临近期限：${what}`
        : colour === 'none'
          ? '考核已办结'
          : '按期推进';
  return { scope: 'assessment', from, to: colour, reason };
}

/** The next instant at which time alone changes something: a colour or the 问责 at the deadline. */
export function assessmentWakeAt(state: AssessmentState, now: number): number | null {
  const a = state.a;
  if (a.phase === 'closed') return null;
  const times: number[] = [];
  const deadline = a.openStep?.deadline;
  if (deadline) {
    const next = nextColourChangeAt({ now, deadline, warningWindowDays: state.settings.warningWindowDays });
    if (next) times.push(next.getTime());
  }
  if (a.rectificationDeadline && a.escalatedAt === null)
    times.push(endOfCivilDay(a.rectificationDeadline).getTime() + 1);
  const future = times.filter((t) => t > now);
  return future.length ? Math.min(...future) : null;
}

/** 整改不到位: the rectification deadline has passed and no rectification passed — 问责 (三(十)). */
export function checkAccountability(state: AssessmentState, now: number): Fact[] {
  const a = state.a;
  if (a.escalatedAt !== null || a.rectificationDeadline === null) return [];
  if (a.phase !== 'rectifying' && a.phase !== 'verifying') return [];
  // Whether the rectification 到位 is not known until it is verified: a failed verification
  // after the deadline raises 问责 then; a passed one closes without it.
  if (a.phase === 'verifying' && state.waitsForVerification) return [];
  if (now <= endOfCivilDay(a.rectificationDeadline).getTime()) return [];
  a.escalatedAt = new Date(now).toISOString();
  return [
    {
      type: CultivatedEvents.AccountabilityEscalated.type,
      step: 'accountability',
      extra: { reason: accountabilityReason(a.townName, a.year, a.rectificationDeadline) },
    },
  ];
}

function parseBody(command: AssessmentCommand): Record<string, unknown> {
  const schema = AssessmentActionBodies[command.action];
  if (!schema) refuse(`未知操作：${String(command.action)}`);
  const body = schema.safeParse(command.body);
  if (!body.success)
    refuse(`参数错误：${body.error.issues.map((i) => `body.${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return body.data as Record<string, unknown>;
}

const townOnly = (state: AssessmentState, command: AssessmentCommand, what: string) => {
  const { actor } = command;
  if (actor.role !== 'bureau' || actor.unitCode !== state.a.townCode)
    refuse(`${what}由${state.a.townName}报告`);
};
// The town's own report is checked against the assessment's town; 自然资源局's steps by the table.
// (`assess` is granted to the inspector too since the city assesses: 自然资源局's own check here.)
const natresOnly = (command: AssessmentCommand, what: string) => {
  const natres = command.actor.role === 'bureau' && command.actor.unitCode === 'natres';
  if (!natres || !isGranted(AssessmentGrants[command.action], command.actor))
    refuse(`${what}由自然资源局办理（三(九)）`);
};

/** 三(十): the 市政府 decides, 督查室 acting for it; before the patch, 自然资源局. */
function assessorOnly(state: AssessmentState, command: AssessmentCommand, what: string) {
  if (!state.assessedByCity) return natresOnly(command, what);
  if (command.actor.role !== 'inspector')
    refuse(`${what}由市政府（督查室）办理，农业农村局、统计局参与（三(十)、三(九)）`);
}

/** The Update validator: refuses with a Chinese reason, changes nothing. */
export function checkAssessmentAction(state: AssessmentState, command: AssessmentCommand): void {
  const body = parseBody(command);
  const a = state.a;
  const label = `${a.townName}${a.year}年度考核`;
  if (a.phase === 'closed') refuse(`${label}已办结，不能再操作`);
  switch (command.action) {
    case 'report':
      townOnly(state, command, '目标完成情况');
      if (a.phase !== 'reporting') refuse(`${label}已报告完成情况`);
      return;
    case 'commend': {
      if (!state.assessedByCity) refuse(`${label}由自然资源局考核，完成目标即予表彰，无须另行决定`);
      assessorOnly(state, command, '通报表彰');
      if (a.phase !== 'assessing')
        refuse(a.phase === 'reporting' ? `${a.townName}尚未报告完成情况` : `${label}已考核`);
      const decided = commendationOf(a.townName, a.year, a.targets, a.actuals!, body.reason as string);
      if ('refusal' in decided) refuse(decided.refusal);
      return;
    }
    case 'assess': {
      assessorOnly(state, command, '考核');
      if (a.phase !== 'assessing')
        refuse(a.phase === 'reporting' ? `${a.townName}尚未报告完成情况` : `${label}已考核`);
      const missed = shortfalls(a.targets, a.actuals!);
      if (missed.length > 0 && !body.rectificationDeadline)
        refuse(
          `${a.townName}未完成目标（${describeShortfalls(missed)}），须规定整改期限 rectificationDeadline`,
        );
      return;
    }
    case 'report-rectification':
      townOnly(state, command, '整改情况');
      if (a.phase !== 'rectifying')
        refuse(a.phase === 'verifying' ? '整改情况已报告，正在核查' : `${label}不在整改期间`);
      return;
    case 'verify-rectification': {
      natresOnly(command, '整改核查');
      if (a.phase !== 'verifying') refuse(`${a.townName}尚未报告整改情况`);
      const report = a.rectificationReports.at(-1)!;
      const missed = shortfalls(a.targets, report.actuals);
      if (body.decision === 'pass' && missed.length > 0)
        refuse(`整改后仍未完成目标，不能通过：${describeShortfalls(missed)}`);
      return;
    }
  }
}

/** Applies an accepted action; returns the facts to publish, in order. */
export function applyAssessmentAction(
  state: AssessmentState,
  command: AssessmentCommand,
  now: number,
): Fact[] {
  const a = state.a;
  const at = new Date(now).toISOString();
  const by = command.actor.userId;
  const body = command.body as Record<string, unknown>;
  const facts: Fact[] = [];
  switch (command.action) {
    case 'report': {
      a.actuals = body.actuals as Targets;
      a.reportedAt = at;
      a.phase = 'assessing';
      facts.push({
        type: CultivatedEvents.ReportSubmitted.type,
        step: 'report',
        extra: { actuals: a.actuals },
      });
      break;
    }
    case 'commend': {
      const decided = commendationOf(a.townName, a.year, a.targets, a.actuals!, body.reason as string);
      if ('refusal' in decided) break; // the validator refused it already
      a.result = { ...decided, ...byCity(at, by, body), commendation: body.reason as string };
      closeWith(state, CultivatedEvents.TownCommended.type, 'commended', at, facts);
      break;
    }
    case 'assess': {
      if (state.assessedByCity) {
        // The city's assessment: 通报批评 on a missed target; otherwise the town passes.
        const verdict = judgeForCity(a.townName, a.year, a.targets, a.actuals!);
        a.result = { ...verdict, ...byCity(at, by, body), commendation: null };
        if (verdict.outcome === 'passed')
          closeWith(state, CultivatedEvents.AssessmentPassed.type, 'passed', at, facts);
        else criticise(state, verdict.shortfalls, body.rectificationDeadline as string, at, facts);
        break;
      }
      const verdict = judgeAssessment(a.townName, a.year, a.targets, a.actuals!);
      // 自然资源局 leads (an administrator acts for it); the others take part (三(九)).
      const assessors = [
        ...new Set(['natres', ...((body.assessors as string[] | undefined) ?? DEFAULT_ASSESSORS)]),
      ];
      a.result = { ...verdict, assessedAt: at, assessedBy: by, assessors };
      if (verdict.outcome === 'commended')
        closeWith(state, CultivatedEvents.TownCommended.type, 'commended', at, facts);
      else criticise(state, verdict.shortfalls, body.rectificationDeadline as string, at, facts);
      break;
    }
    case 'report-rectification': {
      a.rectificationReports.push({
        actuals: body.actuals as Targets,
        note: body.note as string,
        at,
        by,
        verdict: 'pending',
        verdictNote: null,
      });
      a.phase = 'verifying';
      facts.push({
        type: CultivatedEvents.RectificationReported.type,
        step: `rectification-report-${a.rectificationReports.length}`,
        extra: { actuals: body.actuals },
      });
      break;
    }
    case 'verify-rectification': {
      const report = a.rectificationReports.at(-1)!;
      report.verdictNote = body.note as string;
      const round = a.rectificationReports.length;
      if (body.decision === 'fail') {
        report.verdict = 'failed';
        a.phase = 'rectifying';
        facts.push({
          type: CultivatedEvents.RectificationFailed.type,
          step: `rectification-verdict-${round}`,
          extra: { reason: body.note },
        });
        break;
      }
      report.verdict = 'passed';
      a.actuals = report.actuals;
      a.suspension = { ...a.suspension!, liftedAt: at };
      a.phase = 'closed';
      a.closedAt = at;
      facts.push({
        type: CultivatedEvents.SuspensionLifted.type,
        step: 'lifted',
        extra: { suspension: { ...a.suspension } },
      });
      facts.push({ type: CultivatedEvents.AssessmentClosed.type, step: 'closed', extra: {} });
      break;
    }
  }
  setOpenStep(state);
  return facts;
}

/** 通报批评，责令限期整改，整改期间暂停办理涉及土地管理的有关业务 (三(十)). */
function criticise(
  state: AssessmentState,
  missed: Shortfall[],
  deadline: string,
  at: string,
  facts: Fact[],
): void {
  const a = state.a;
  a.rectificationDeadline = deadline;
  a.phase = 'rectifying';
  a.suspension = {
    townCode: a.townCode,
    assessmentId: a.assessmentId,
    year: a.year,
    reason: suspensionReason(a.townName, a.year, a.assessmentId),
    since: at,
    rectificationDeadline: deadline,
    liftedAt: null,
  };
  facts.push({
    type: CultivatedEvents.TownCriticised.type,
    step: 'criticised',
    extra: { shortfalls: missed, rectificationDeadline: deadline },
  });
  facts.push({
    type: CultivatedEvents.LandBusinessSuspended.type,
    step: 'suspended',
    extra: { suspension: { ...a.suspension } },
  });
}

/** Who decided the city's assessment and who took part (三(十), 三(九)). */
function byCity(at: string, by: string, body: Record<string, unknown>) {
  return {
    assessedAt: at,
    assessedBy: by,
    assessors: participantsOf(body.assessors as string[] | undefined),
    leadUnit: CITY_ASSESSOR,
  };
}

/** The assessment ends with its outcome's fact, then `assessment_closed`. */
function closeWith(state: AssessmentState, type: Fact['type'], step: string, at: string, facts: Fact[]) {
  state.a.phase = 'closed';
  state.a.closedAt = at;
  facts.push({ type, step, extra: {} });
  facts.push({ type: CultivatedEvents.AssessmentClosed.type, step: 'closed', extra: {} });
}
