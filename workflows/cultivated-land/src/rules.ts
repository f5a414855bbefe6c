// The rules of 青政办发〔2019〕28号 as pure functions (no I/O, no clock): who does which step of a
// town's rectification (二(二)), and how a town's yearly responsibility targets are judged (三(十)).
import {
  FIRST_VERSION_STEP_KEYS,
  RECTIFICATION_STEP_KEYS,
  TargetKeys,
  isAsWrittenDeadlines,
  type AnyRectificationDeadlines,
  type RectificationStep,
  type RectificationStepKey,
  type Shortfall,
  type TargetKey,
  type Targets,
} from './contracts/index';

export const UNIT_NAMES: Record<string, string> = {
  natres: '自然资源局',
  agri: '农业农村局',
  stats: '统计局',
  fin: '财政局',
  audit: '审计局',
};
/** Towns are named in each workflow's input; bureaus here. */
export const unitName = (code: string | undefined, townCode?: string, townName?: string) =>
  code === undefined ? '(无)' : code === townCode && townName ? townName : (UNIT_NAMES[code] ?? code);

interface StepDefinition {
  title: string;
  /** `town`: the town (镇(场)) itself. */
  unit: 'natres' | 'agri' | 'town';
  withUnits: string[];
  ref: string;
}

const verify: StepDefinition = {
  title: '核实永久基本农田划定成果',
  unit: 'natres',
  withUnits: ['agri'],
  ref: '二(二)',
};
const problems: StepDefinition = {
  title: '梳理问题清单，提出分类处置意见',
  unit: 'natres',
  withUnits: ['agri'],
  ref: '二(二)',
};
const zones: StepDefinition = {
  title: '相应调整“两区”（粮食生产功能区和重要农产品生产保护区）',
  unit: 'agri',
  withUnits: [],
  ref: '二(二)',
};
const amend: StepDefinition = {
  title: '按法定程序修改土地利用总体规划',
  unit: 'natres',
  withUnits: [],
  ref: '二(二)',
};

/**
 * 二(二) as written, in its order: “市自然资源局会同农业农村局…组织对各镇(场)永久基本农田划定成果进行
 * 全面核实，找准…问题，梳理问题清单，提出分类处置意见，以镇行政区划为单元编制整改补划方案” — all
 * 自然资源局's, 农业农村局 taking part; the town then carries out the 整改补划, “并相应对‘两区’进行
 * 调整，按法定程序修改相应的土地利用总体规划”. The text has no review of the plan and no acceptance.
 */
export const RECTIFICATION_STEPS: Record<(typeof RECTIFICATION_STEP_KEYS)[number], StepDefinition> = {
  verify,
  problems,
  plan: {
    title: '以镇行政区划为单元编制整改补划方案',
    unit: 'natres',
    withUnits: ['agri'],
    ref: '二(二)',
  },
  rectify: { title: '按整改补划方案进行整改补划', unit: 'town', withUnits: [], ref: '二(二)' },
  zones,
  amend,
};

/**
 * The first version's steps, kept for rectifications started before patch
 * `cl-28-2-2-steps-as-written`: the town drafted the plan, 自然资源局 reviewed and accepted.
 */
export const FIRST_VERSION_STEPS: Record<(typeof FIRST_VERSION_STEP_KEYS)[number], StepDefinition> = {
  verify,
  problems,
  plan: { title: '编制整改补划方案', unit: 'town', withUnits: [], ref: '二(二)' },
  review: { title: '审查整改补划方案', unit: 'natres', withUnits: [], ref: '二(二)' },
  zones,
  amend,
  accept: { title: '整改补划验收', unit: 'natres', withUnits: ['agri'], ref: '二(二)' },
};

/** The steps a campaign's deadlines name, in order: as written, or the first version's. */
export function stepDefinitionsOf(deadlines: AnyRectificationDeadlines): [string, StepDefinition][] {
  return isAsWrittenDeadlines(deadlines)
    ? RECTIFICATION_STEP_KEYS.map((k) => [k, RECTIFICATION_STEPS[k]])
    : FIRST_VERSION_STEP_KEYS.map((k) => [k, FIRST_VERSION_STEPS[k]]);
}

export function rectificationSteps(
  townCode: string,
  deadlines: AnyRectificationDeadlines,
): RectificationStep[] {
  const byKey = deadlines as Record<string, string>;
  return stepDefinitionsOf(deadlines).map(([key, def], i) => ({
    key: key as RectificationStepKey,
    title: def.title,
    unitCode: def.unit === 'town' ? townCode : def.unit,
    withUnits: [...def.withUnits],
    ref: def.ref,
    state: i === 0 ? ('open' as const) : ('waiting' as const),
    deadline: byKey[key]!,
    originalDeadline: byKey[key]!,
    colour: 'green' as const,
    doneAt: null,
    doneBy: null,
    note: null,
    extensionRequest: null,
  }));
}

/**
 * A campaign's per-step deadlines must follow the steps' order (a later step is never due
 * before an earlier one) and fall after the campaign starts. Returns one refusal per bad field.
 */
export function deadlineRefusals(
  startDate: string,
  deadlines: AnyRectificationDeadlines,
): { field: string; message: string }[] {
  const refusals: { field: string; message: string }[] = [];
  const byKey = deadlines as Record<string, string>;
  let previous: { title: string; date: string } | null = null;
  for (const [key, def] of stepDefinitionsOf(deadlines)) {
    const date = byKey[key]!;
    if (date <= startDate)
      refusals.push({
        field: `body.deadlines.${key}`,
        message: `“${def.title}”的期限 ${date} 须晚于开始日期 ${startDate}`,
      });
    else if (previous && date < previous.date)
      refusals.push({
        field: `body.deadlines.${key}`,
        message: `“${def.title}”的期限 ${date} 不得早于上一步“${previous.title}”的期限 ${previous.date}`,
      });
    previous = { title: def.title, date };
  }
  return refusals;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * 三(十) with 一: a town meets a target when its actual is 不低于 (not lower than) the target:
 * equal counts as met (Civil Code art. 1259, 以上/不低于 include the number).
 */
export function meetsTarget(actualMu: number, targetMu: number): boolean {
  return round2(actualMu) >= round2(targetMu);
}

/** Every target the town missed, with by how much (mu). */
export function shortfalls(targets: Targets, actuals: Targets): Shortfall[] {
  return (Object.keys(TargetKeys) as TargetKey[])
    .filter((key) => !meetsTarget(actuals[key], targets[key]))
    .map((key) => ({
      target: key,
      label: TargetKeys[key],
      targetMu: targets[key],
      actualMu: actuals[key],
      shortfallMu: round2(targets[key] - actuals[key]),
    }));
}

/**
 * First version (assessments begun before patch `cl-28-3-10-city-assesses`): 通报表彰 whenever
 * every target is met; otherwise 通报批评 naming each failed target.
 */
export function judgeAssessment(
  townName: string,
  year: number,
  targets: Targets,
  actuals: Targets,
): { outcome: 'commended' | 'criticised'; shortfalls: Shortfall[]; summary: string } {
  const missed = shortfalls(targets, actuals);
  if (missed.length === 0)
    return {
      outcome: 'commended',
      shortfalls: [],
      summary: `${townName}${year}年度耕地保护责任目标全部完成，予以通报表彰`,
    };
  return {
    outcome: 'criticised',
    shortfalls: missed,
    summary: `${townName}${year}年度耕地保护责任目标未完成，予以通报批评：${describeShortfalls(missed)}`,
  };
}

export function describeShortfalls(missed: Shortfall[]): string {
  return missed
    .map((s) => `${s.label}目标 ${s.targetMu} 亩，实际 ${s.actualMu} 亩，差 ${s.shortfallMu} 亩`)
    .join('；');
}

/** The reason the suspension carries; it names the assessment (as B's occupation route shows it). */
export function suspensionReason(townName: string, year: number, assessmentId: string): string {
  return `${townName}${year}年度耕地保护责任目标考核未通过，整改期间暂停办理涉及土地管理的有关业务（考核 ${assessmentId}）`;
}

export function accountabilityReason(townName: string, year: number, deadline: string): string {
  return `${townName}${year}年度耕地保护责任目标考核整改期限 ${deadline} 已届满，整改不到位，按规定对相关责任人问责（三(十)）`;
}

/** The unit that acts for the 市政府 in the assessment (三(十) 市政府…跟踪问效): 政府督查室. */
export const CITY_ASSESSOR = 'gov-inspection';
/** 三(九): 农业农村局 and 统计局 “参与耕地保护责任目标履行情况考核”. */
export const ASSESSMENT_PARTICIPANTS = ['agri', 'stats'] as const;

/** The units taking part in the city's assessment: 三(九)'s two, and any the city adds. */
export function participantsOf(added: readonly string[] = []): string[] {
  return [...new Set([...ASSESSMENT_PARTICIPANTS, ...added])].filter((u) => u !== CITY_ASSESSOR);
}

/**
 * The city's assessment (三(十)): a town that missed a target is 通报批评 naming each; one that met
 * every target passes. 通报表彰 is not the consequence of meeting the targets: it is the city's
 * own decision for 措施得力、成效突出 (see `commendationOf`).
 */
export function judgeForCity(
  townName: string,
  year: number,
  targets: Targets,
  actuals: Targets,
): { outcome: 'passed' | 'criticised'; shortfalls: Shortfall[]; summary: string } {
  const verdict = judgeAssessment(townName, year, targets, actuals);
  if (verdict.outcome === 'criticised') return { ...verdict, outcome: 'criticised' };
  return {
    ...verdict,
    outcome: 'passed',
    summary: `${townName}${year}年度耕地保护责任目标全部完成，考核通过`,
  };
}

/**
 * 通报表彰 as the city decides it (三(十) 对履行耕地保护责任目标措施得力、成效突出的镇(场)予以通报表彰):
 * refused, with the reason, for a town that missed a target (三(十) 予以通报批评 instead).
 */
export function commendationOf(
  townName: string,
  year: number,
  targets: Targets,
  actuals: Targets,
  reason: string,
): { refusal: string } | { outcome: 'commended'; shortfalls: []; summary: string } {
  const missed = shortfalls(targets, actuals);
  if (missed.length > 0)
    return {
      refusal: `${townName}未完成耕地保护任务（${describeShortfalls(missed)}），应予通报批评，不能通报表彰（三(十)）`,
    };
  return {
    outcome: 'commended',
    shortfalls: [],
    summary: `${townName}${year}年度耕地保护责任目标全部完成，措施得力、成效突出，予以通报表彰：${reason}`,
  };
}
