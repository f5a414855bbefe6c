// One illegal-occupation case (违法占地案件, 青政办发〔2019〕28号 二(七)) as pure state: who may do
// what in which step, the deadline's colour, major-case listing. No I/O, no clock.
import { colourFor, endOfCivilDay, nextColourChangeAt } from '@duban/calendar';
import {
  CaseSteps,
  LandCaseActionBodies,
  LandUseGrants,
  LU_DOC_NO,
  StartLandCaseSchema,
  TransferBodies,
  type CaseStep,
  type LandCaseCommand,
  type LandCaseSnapshot,
  type StartLandCase,
} from './contracts/index';
import { isGranted, type Colour } from '@duban/contracts';
import { refuse } from '@duban/workflow-core/refusal';
import { caseDeadline, majorCase } from './rules';

export interface LandCaseState {
  settings: ReturnType<typeof StartLandCaseSchema.parse>;
  case: LandCaseSnapshot;
  /**
   * Whether 二(七) 曝光 is a step of this case (patch `cl-28-2-7-exposure`, decided once when the
   * case starts): cases opened before it keep the flow they were opened with.
   */
  exposureRule?: boolean;
}

/** 二(七) as written: the ground of every exposure rule. */
const CL_2_7 = '青政办发〔2019〕28号 二(七)';

/** From the start under the exposure rule: a major case must be exposed before it closes. */
export function applyExposureRule(state: LandCaseState): void {
  state.exposureRule = true;
  state.case.exposureRequired = state.case.major;
  state.case.exposure = null;
}

/** A major case under the rule, not yet exposed. */
export const exposureDue = (c: LandCaseSnapshot): boolean => c.exposureRequired === true && !c.exposure;

/** 曝光: 自然资源局, a major case, once, after the 处罚决定 (查处 first, then 曝光). */
function checkExpose(state: LandCaseState): void {
  const c = state.case;
  if (!state.exposureRule)
    refuse(`案件 ${c.caseId} 立案时尚无曝光步骤（${CL_2_7} 曝光自此后立案的案件起办理）`);
  if (!c.major) refuse(`曝光针对重大典型违法案件，本案不是重大典型案件（${CL_2_7}）`);
  if (c.exposure) refuse(`案件 ${c.caseId} 已曝光（${c.exposure.channel}）`);
  if (c.step === 'registered' || c.step === 'investigated')
    refuse(`曝光须在作出处罚决定之后：严肃查处重大典型案件，并予以曝光（${CL_2_7}）`);
}

/** The order of the steps; each action does the next one. */
export const CASE_FLOW: CaseStep[] = ['registered', 'investigated', 'decided', 'rectified', 'closed'];
const stepOfAction: Partial<Record<LandCaseCommand['action'], CaseStep>> = {
  investigate: 'investigated',
  decide: 'decided',
  rectify: 'rectified',
  close: 'closed',
};

export function newLandCaseState(input: StartLandCase, now: number): LandCaseState {
  const settings = StartLandCaseSchema.parse(input);
  const at = new Date(now).toISOString();
  const major = majorCase(settings.facts.landKind, settings.facts.areaMu, settings.majorCultivatedMu);
  const state: LandCaseState = {
    settings,
    case: {
      caseId: settings.caseId,
      docNo: LU_DOC_NO,
      facts: settings.facts,
      step: 'registered',
      deadline: caseDeadline(settings.facts.foundOn, settings.handlingDays),
      colour: 'green',
      redSince: null,
      major: major.major,
      majorReason: major.reason,
      history: [{ step: 'registered', at, by: 'system', note: null }],
      decision: null,
      deadlineHistory: [],
      transfers: [],
      createdAt: at,
      closedAt: null,
      version: 0,
    },
  };
  refreshCaseColour(state, now);
  return state;
}

/** The next step to do, in Chinese, or null once closed. */
export function openStep(c: LandCaseSnapshot): CaseStep | null {
  const i = CASE_FLOW.indexOf(c.step);
  return CASE_FLOW[i + 1] ?? null;
}

/** The Update validator: refuses with a reason and changes nothing. */
export function checkCaseAction(state: LandCaseState, command: LandCaseCommand): Record<string, unknown> {
  const c = state.case;
  const schema = LandCaseActionBodies[command.action];
  if (!schema) return refuse(`未知操作：${String(command.action)}`);
  const parsed = schema.safeParse(command.body);
  if (!parsed.success)
    return refuse(
      `参数错误：${parsed.error.issues.map((i) => `body.${i.path.map(String).join('.')}: ${i.message}`).join('; ')}`,
    );
  const { actor } = command;
  const body = parsed.data as Record<string, unknown>;
  if (command.action === 'extend') {
    if (!isGranted(LandUseGrants.extend, actor)) refuse('延期须经督查室批准');
    if (c.step === 'closed') refuse(`案件 ${c.caseId} 已结案，不能延期`);
    if (String(body.newDeadline) <= c.deadline)
      refuse(`延期后的期限 ${String(body.newDeadline)} 必须晚于现期限 ${c.deadline}`);
    return body;
  }
  if (!isGranted(LandUseGrants['case-step'], actor))
    refuse('违法占地案件由自然资源局查处（青政办发〔2019〕28号 二(七)）');
  if (c.step === 'closed') refuse(`案件 ${c.caseId} 已结案，不能再操作`);
  if (command.action === 'transfer') {
    const to = body.to as keyof typeof TransferBodies;
    if (c.transfers.some((t) => t.body === to)) refuse(`案件 ${c.caseId} 已移交${TransferBodies[to]}`);
    if (c.step === 'registered') refuse('移交须在调查取证之后（查明责任人员后移交）');
    return body;
  }
  if (command.action === 'expose') {
    checkExpose(state);
    return body;
  }
  if (command.action === 'close' && exposureDue(c))
    refuse(`重大典型违法案件须先曝光才能结案（${CL_2_7}：严肃查处……并予以曝光）`);
  const target = stepOfAction[command.action]!;
  const next = openStep(c)!;
  if (target !== next) refuse(`案件当前应办理“${CaseSteps[next]}”，不能办理“${CaseSteps[target]}”`);
  return body;
}

export function caseColour(state: LandCaseState, now: number): Colour {
  if (state.case.step === 'closed') return 'none';
  return colourFor({
    now,
    deadline: state.case.deadline,
    warningWindowDays: state.settings.warningWindowDays,
    reportMissing: false,
  });
}

export function refreshCaseColour(
  state: LandCaseState,
  now: number,
): { from: Colour; to: Colour; reason: string } | null {
  const c = state.case;
  const to = caseColour(state, now);
  if (to === 'red' && c.redSince === null)
    c.redSince = new Date(Math.min(now, endOfCivilDay(c.deadline).getTime() + 1)).toISOString();
  if (to !== 'red') c.redSince = null;
  if (to === c.colour) return null;
  const from = c.colour;
  c.colour = to;
  const next = openStep(c);
  const what = next ? `“${CaseSteps[next]}”` : '';
  const reason =
    to === 'red'
      ? `违法占地案件已超过办理期限 ${c.deadline}，尚未${what}`
      : to === 'blue'
        ? `违法占地案件临近办理期限 ${c.deadline}，待${what}`
        : to === 'none'
          ? '已结案'
          : '按期办理';
  return { from, to, reason };
}

export function nextCaseWakeAt(state: LandCaseState, now: number): number | null {
  if (state.case.step === 'closed') return null;
  const at = nextColourChangeAt({
    now,
    deadline: state.case.deadline,
    warningWindowDays: state.settings.warningWindowDays,
  });
  return at && at.getTime() > now ? at.getTime() : null;
}
