// The rules of 青政办发〔2019〕31号 as pure functions: which category a case may take, which
// steps each category has and who does them, which holds a project gets. No I/O, no clock.
import type {
  CampaignDeadlines,
  Category,
  Hold,
  HoldKind,
  KindergartenFacts,
  OperationMode,
  StepSnapshot,
} from './contracts/index';
import { GUOFA_2010_41_ISSUED } from './contracts/index';

/** Names for refusals and titles; codes from @duban/units. */
export const UNIT_NAMES: Record<string, string> = {
  edu: '教育局',
  hous: '住建局',
  natres: '自然资源局',
  fin: '财政局',
  ndrc: '发改局',
  civil: '民政局',
  staffing: '编办',
};
export const unitName = (code: string | undefined) => (code ? (UNIT_NAMES[code] ?? code) : '(无)');

/**
 * 三(三) splits kindergartens on sold land at the day 国发〔2010〕41号 was issued (a setting: the
 * text names no date, see GUOFA_2010_41_BOUNDARY); planned on that day counts as after.
 */
export const plannedAfterGuofa41 = (facts: KindergartenFacts, boundary: string = GUOFA_2010_41_ISSUED) =>
  facts.plannedOn >= boundary;

/** The boundary as a refusal names it: the date is a setting (kindergarten.guofa-2010-41-date). */
const boundaryText = (boundary: string) => `国发〔2010〕41号发布（${boundary}，日期为设定值，公报未写）`;

/** 三(三): a signed handover agreement on sold land (出让) sets its own handover date. */
export const agreedHandover = (facts: KindergartenFacts): string | null =>
  facts.landTenure === 'transferred' ? (facts.handoverAgreedBy ?? null) : null;

/** Which reading of 三(三) a case runs on: cases opened before the fix keep the older one. */
export type RecoveryRules = 'gazette' | 'before-31-3-3';

/**
 * Why `category` is not allowed for these facts, or null when it is. 三(三) as written:
 * 违规出租、出售办成高收费民办园 → 限期收回, whatever the planning date; 已挪作他用 → 收回;
 * 出让 with a signed agreement → 按协议约定移交; 出让 planned after 41号 → 收回 by 9月底 (never
 * kept); only those planned before 41号 may be kept and run as 普惠 (不收回).
 */
export function categoryRefusal(
  facts: KindergartenFacts,
  category: Category,
  rules: RecoveryRules = 'gazette',
  /** The 41号 date the case was opened with (policy setting kindergarten.guofa-2010-41-date). */
  boundary: string = GUOFA_2010_41_ISSUED,
): string | null {
  if (rules === 'before-31-3-3') return categoryRefusalBefore333(facts, category);
  const name = categoryName(category);
  if (facts.condition === 'high_fee_private' && category !== 'recover')
    return `开发建设单位违规出租、出售办成高收费民办园的，不论规划时间，只能限期回收（三(三)）：由住建局责成限期收回并移交教育局，不能定为“${name}”`;
  if (facts.condition === 'repurposed' && category !== 'recover')
    return `已挪作他用的配套幼儿园应采取有效措施予以收回（三(三)），不能定为“${name}”`;
  if (facts.condition === 'missing' && category !== 'build')
    return `小区未配建幼儿园或配建不足，只能补建、改建或新建（三(一)），不能定为“${name}”`;
  if (category === 'build' && facts.condition !== 'missing')
    return '已建成的幼儿园不需要补建、改建或新建（三(一)）';
  const agreed = agreedHandover(facts);
  if (agreed && category !== 'handover')
    return `已签订移交协议的配套幼儿园按协议约定（${agreed}前）移交（三(三)），不能定为“${name}”`;
  if (category === 'inclusive') {
    if (facts.landTenure === 'allocated')
      return '建设用地以划拨方式取得的配套幼儿园原则上均应如期移交（三(三)），不能不收回';
    if (plannedAfterGuofa41(facts, boundary))
      return `只有${boundaryText(boundary)}之前规划建成的幼儿园可以不收回；之后规划建成的于9月底之前收回（三(三)）`;
  }
  return null;
}

/** The reading cases opened before `kg-31-3-3-recovery` ran on (kept for them only). */
function categoryRefusalBefore333(facts: KindergartenFacts, category: Category): string | null {
  if (facts.condition === 'high_fee_private' && plannedAfterGuofa41(facts) && category !== 'recover') {
    return `规划于国发〔2010〕41号发布（2010-11-21）之后、违规出租出售办成高收费民办园的，只能限期回收（三(三)），不能定为“${categoryName(category)}”`;
  }
  if (facts.condition === 'missing' && category !== 'build') {
    return `小区未配建幼儿园或配建不足，只能补建、改建或新建（三(一)），不能定为“${categoryName(category)}”`;
  }
  if (category === 'inclusive') {
    if (plannedAfterGuofa41(facts))
      return '只有国发〔2010〕41号发布（2010-11-21）之前规划建成的幼儿园可以不收回（三(三)）';
    if (facts.landTenure === 'allocated')
      return '建设用地以划拨方式取得的配套幼儿园原则上均应如期移交（三(三)），不能不收回';
  }
  if (category === 'build' && facts.condition !== 'missing' && facts.condition !== 'repurposed') {
    return '已建成、在用于办园的幼儿园不需要补建、改建或新建';
  }
  return null;
}

/**
 * The case's deadlines under 三(三): a signed agreement on sold land sets the handover date
 * itself (按协议约定移交) instead of the campaign's 6月底.
 */
export function caseDeadlines(facts: KindergartenFacts, d: CampaignDeadlines): CampaignDeadlines {
  const agreed = agreedHandover(facts);
  return agreed ? { ...d, handover: agreed } : d;
}

export function operationRefusal(category: Category | null, mode: OperationMode): string | null {
  if (mode === 'for_profit') return '配套幼儿园不得办成营利性幼儿园（三(四)）';
  if (category === 'inclusive' && mode !== 'inclusive_private')
    return '不收回的幼儿园由原举办者降低成本办成普惠性民办园（三(三)），不能办成公办园';
  return null;
}

export function categoryName(category: Category): string {
  return {
    handover: '移交',
    recover: '回收',
    swap: '置换',
    purchase: '购置',
    build: '补建/改建/新建',
    inclusive: '不收回、普惠办园',
  }[category];
}

interface StepSpec {
  key: string;
  title: string;
  unitCode: string;
  ref: string;
  deadline: string | null;
  after?: string[];
}

const step = (phase: StepSnapshot['phase'], spec: StepSpec): StepSnapshot => ({
  key: spec.key,
  phase,
  title: spec.title,
  unitCode: spec.unitCode,
  ref: spec.ref,
  after: spec.after ?? [],
  state: (spec.after ?? []).length ? 'waiting' : 'open',
  deadline: spec.deadline,
  originalDeadline: spec.deadline,
  colour: 'green',
  doneAt: null,
  doneBy: null,
  note: null,
});

export function surveyStep(): StepSnapshot {
  return step('survey', {
    key: 'survey',
    title: '调查摸底、列入台账并汇总',
    unitCode: 'edu',
    ref: '四(一)',
    deadline: null,
  });
}

/** The deadline by which the category's rectification must be done (四(二)). */
export function categoryDeadline(category: Category, d: CampaignDeadlines): string {
  switch (category) {
    case 'handover':
      return d.handover;
    case 'recover':
    case 'swap':
    case 'purchase':
      return d.recover;
    case 'build':
      return d.buildPlan;
    case 'inclusive':
      return d.inclusive;
  }
}

export function planStep(proposed: Category, d: CampaignDeadlines): StepSnapshot {
  return step('plan', {
    key: 'plan',
    title: '“一事一议”“一园一案”制定整改方案、确定整改类别',
    unitCode: 'edu',
    ref: '四(二)',
    deadline: categoryDeadline(proposed, d),
  });
}

/** The rectification steps of a category, for its child workflow, with the bureaus of 三(一)–(三). */
export function rectificationSteps(category: Category, d: CampaignDeadlines): StepSnapshot[] {
  const r = (spec: StepSpec) => step('rectifying', spec);
  const assets = (deadline: string, after: string[]) =>
    r({
      key: 'assets_registered',
      title: '办理土地、园舍移交及资产登记手续',
      unitCode: 'natres',
      ref: '三(三)',
      deadline,
      after,
    });
  const compensation = (deadline: string) =>
    r({
      key: 'compensation_prepared',
      title: '研究购置或依法补偿方案',
      unitCode: 'fin',
      ref: '三(一)',
      deadline,
    });
  switch (category) {
    case 'handover':
      return [
        r({
          key: 'developer_handover',
          title: '监督开发建设单位按规定移交',
          unitCode: 'hous',
          ref: '三(三)',
          deadline: d.handover,
        }),
        assets(d.handover, []),
      ];
    case 'recover':
      return [
        r({
          key: 'recovery_ordered',
          title: '责成开发建设单位限期收回并移交',
          unitCode: 'hous',
          ref: '三(三)',
          deadline: d.recover,
        }),
        compensation(d.recover),
        assets(d.recover, ['recovery_ordered']),
      ];
    case 'swap':
      return [
        r({
          key: 'swap_agreed',
          title: '落实置换园舍及用地',
          unitCode: 'natres',
          ref: '三(一)',
          deadline: d.recover,
        }),
        compensation(d.recover),
        assets(d.recover, ['swap_agreed']),
      ];
    case 'purchase':
      return [compensation(d.recover), assets(d.recover, ['compensation_prepared'])];
    case 'build':
      return [
        r({
          key: 'land_allocated',
          title: '重新审核配套幼儿园建设规划并划拨建设用地',
          unitCode: 'natres',
          ref: '三(一)',
          deadline: d.buildPlan,
        }),
        r({
          key: 'project_approved',
          title: '补建、改建、新建项目审批、核准或备案',
          unitCode: 'ndrc',
          ref: '三(一)',
          deadline: d.buildPlan,
        }),
        r({
          key: 'accepted',
          title: '幼儿园竣工验收',
          unitCode: 'hous',
          ref: '三(二)、四(二)',
          deadline: d.completion,
          after: ['land_allocated', 'project_approved'],
        }),
        assets(d.completion, ['accepted']),
      ];
    case 'inclusive':
      return [
        r({
          key: 'cost_lowered',
          title: '落实居民水电气价格、财政补助等降低办园成本措施',
          unitCode: 'fin',
          ref: '三(三)',
          deadline: d.inclusive,
        }),
      ];
  }
}

/** 教育局 receives the kindergarten, by the category's final deadline. */
export function handoverStep(category: Category, d: CampaignDeadlines): StepSnapshot {
  const deadline = category === 'build' ? d.completion : categoryDeadline(category, d);
  return step('handover', { key: 'received', title: '接收幼儿园', unitCode: 'edu', ref: '三(三)', deadline });
}

export function operationDecisionStep(d: CampaignDeadlines): StepSnapshot {
  return step('operation', {
    key: 'operation_decided',
    title: '确定办成公办园或委托办成普惠性民办园',
    unitCode: 'edu',
    ref: '三(四)',
    deadline: d.inclusive,
  });
}

export function operationSteps(mode: OperationMode, d: CampaignDeadlines): StepSnapshot[] {
  const o = (spec: StepSpec) => step('operation', spec);
  if (mode === 'public') {
    return [
      o({
        key: 'institution_registered',
        title: '事业单位法人登记和教师配备',
        unitCode: 'staffing',
        ref: '三(四)',
        deadline: d.inclusive,
      }),
    ];
  }
  return [
    o({
      key: 'provider_vetted',
      title: '审核举办机构资质、管理能力、卫生安全及保教质量',
      unitCode: 'edu',
      ref: '三(四)',
      deadline: d.inclusive,
    }),
    o({
      key: 'civil_registered',
      title: '完善民办非企业单位登记手续',
      unitCode: 'civil',
      ref: '三(四)',
      deadline: d.inclusive,
    }),
    o({
      key: 'subsidy_set',
      title: '明确普惠性民办园补助标准',
      unitCode: 'fin',
      ref: '三(四)',
      deadline: d.inclusive,
    }),
  ];
}

/**
 * 三(一) 第二款: a project under construction that lacks its kindergarten gets no completion
 * filing (竣工验收备案, 住建局) until rectified; one approved but not started may not start
 * construction (自然资源局 re-examines the plan) until rectified.
 */
export function holdsFor(facts: KindergartenFacts, at: string): Hold[] {
  if (facts.condition !== 'missing') return [];
  const hold = (kind: HoldKind, unitCode: string, reason: string, liftsAtStep: string): Hold => ({
    kind,
    unitCode,
    reason,
    ref: '三(一)',
    liftsAtStep,
    placedAt: at,
    liftedAt: null,
  });
  if (facts.projectStatus === 'under_construction') {
    return [
      hold(
        'completion_filing',
        'hous',
        `在建小区“${facts.projectName}”未按标准配建幼儿园，整改到位（幼儿园竣工验收）前不得办理竣工验收备案`,
        'accepted',
      ),
    ];
  }
  if (facts.projectStatus === 'approved_not_started') {
    return [
      hold(
        'construction_start',
        'natres',
        `已批未建小区“${facts.projectName}”未规划配套幼儿园或规划不足，重新审核配套幼儿园建设规划前建设单位不得开工`,
        'land_allocated',
      ),
    ];
  }
  return [];
}
