// The rules of 青政办发〔2019〕28号 as pure functions (no I/O, no clock): who does which step of a
// town's rectification (二(二)), and how a town's yearly responsibility targets are judged (三(十)).
import {
  RECTIFICATION_STEP_KEYS,
  TargetKeys,
  type RectificationDeadlines,
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

/** 二(二), in the order the document sets them out. */
export const RECTIFICATION_STEPS: Record<RectificationStepKey, StepDefinition> = {
  verify: {
    title: '核实永久基本农田划定成果',
    unit: 'natres',
    withUnits: ['agri'],
    ref: '二(二)',
  },
  problems: {
    title: '梳理问题清单，提出分类处置意见',
    unit: 'natres',
    withUnits: ['agri'],
    ref: '二(二)',
  },
  plan: { title: '编制整改补划方案', unit: 'town', withUnits: [], ref: '二(二)' },
  review: { title: '审查整改补划方案', unit: 'natres', withUnits: [], ref: '二(二)' },
  zones: {
    title: '相应调整“两区”（粮食生产功能区和重要农产品生产保护区）',
    unit: 'agri',
    withUnits: [],
    ref: '二(二)',
  },
  amend: { title: '按法定程序修改土地利用总体规划', unit: 'natres', withUnits: [], ref: '二(二)' },
  accept: { title: '整改补划验收', unit: 'natres', withUnits: ['agri'], ref: '二(二)' },
};

export function rectificationSteps(townCode: string, deadlines: RectificationDeadlines): RectificationStep[] {
  return RECTIFICATION_STEP_KEYS.map((key, i) => {
    const def = RECTIFICATION_STEPS[key];
    return {
      key,
      title: def.title,
      unitCode: def.unit === 'town' ? townCode : def.unit,
      withUnits: [...def.withUnits],
      ref: def.ref,
      state: i === 0 ? ('open' as const) : ('waiting' as const),
      deadline: deadlines[key],
      originalDeadline: deadlines[key],
      colour: 'green' as const,
      doneAt: null,
      doneBy: null,
      note: null,
      extensionRequest: null,
    };
  });
}

/**
 * A campaign's per-step deadlines must follow the steps' order (a later step is never due
 * before an earlier one) and fall after the campaign starts. Returns one refusal per bad field.
 */
export function deadlineRefusals(
  startDate: string,
  deadlines: RectificationDeadlines,
): { field: string; message: string }[] {
  const refusals: { field: string; message: string }[] = [];
  let previous: { key: RectificationStepKey; date: string } | null = null;
  for (const key of RECTIFICATION_STEP_KEYS) {
    const date = deadlines[key];
    if (date <= startDate)
      refusals.push({
        field: `body.deadlines.${key}`,
        message: `“${RECTIFICATION_STEPS[key].title}”的期限 ${date} 须晚于开始日期 ${startDate}`,
      });
    else if (previous && date < previous.date)
      refusals.push({
        field: `body.deadlines.${key}`,
        message: `“${RECTIFICATION_STEPS[key].title}”的期限 ${date} 不得早于上一步“${RECTIFICATION_STEPS[previous.key].title}”的期限 ${previous.date}`,
      });
    previous = { key, date };
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

/** 通报表彰 when every target is met; otherwise 通报批评 naming each failed target (三(十)). */
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
