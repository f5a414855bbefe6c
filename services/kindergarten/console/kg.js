/* global window */
// 城镇小区配套幼儿园治理 (青政办发〔2019〕31号): the names the console shows for the kindergarten
// API's codes, and the small pieces every kindergarten page shares.
import { get } from '/api.js';
import { h } from '/ui.js';

export const KG_DOC_NO = '青政办发〔2019〕31号';
export const DEFAULT_CAMPAIGN = 'kg-2019';

/** 整改类别 (四(二)); a case not yet planned is shown under the category the ledger proposed. */
export const CATEGORIES = {
  handover: '移交',
  recover: '回收',
  swap: '置换',
  purchase: '购置',
  build: '补建/改建/新建',
  inclusive: '不收回、普惠办园',
};
export const CATEGORY_ORDER = ['handover', 'recover', 'swap', 'purchase', 'build', 'inclusive'];

export const PHASES = {
  survey: '调查摸底',
  plan: '制定方案',
  rectifying: '整改',
  handover: '移交教育局',
  operation: '办园',
  closed: '已办结',
};
export const PHASE_ORDER = ['survey', 'plan', 'rectifying', 'handover', 'operation', 'closed'];

export const CONDITIONS = {
  not_handed_over: '已建成未移交',
  high_fee_private: '违规出租、出售办成高收费民办园',
  repurposed: '挪作他用',
  missing: '未配建或配建不足',
};
export const PROJECT_STATUSES = {
  completed: '已建成',
  under_construction: '在建',
  approved_not_started: '已批复未开工',
};
export const TENURES = { allocated: '划拨', transferred: '出让' };
export const OPERATION_MODES = {
  public: '公办园',
  inclusive_private: '委托办成普惠性民办园',
  for_profit: '营利性民办园',
};
export const STEP_STATES = { waiting: '未开始', open: '办理中', done: '已完成' };

/** What a hold stops: 住建局 the completion filing, 自然资源局 the construction start (三(一)). */
export const HOLD_KINDS = { completion_filing: '竣工验收备案', construction_start: '开工' };

/** The steps whose completion lifts a hold, named even before the case reaches them. */
export const LIFTING_STEPS = {
  accepted: '幼儿园竣工验收',
  land_allocated: '重新审核配套幼儿园建设规划并划拨建设用地',
};

/** Ledger upload report statuses. */
export const ROW_STATUSES = {
  created: '新建',
  exists: '已存在',
  rejected: '退回',
  failed: '未登记',
  pending: '待登记',
};

/** The case's facts (events) in the timeline. */
export const FACTS = {
  case_opened: '列入台账，建立个案',
  step_completed: '完成步骤',
  case_planned: '确定整改方案和类别',
  rectification_started: '启动整改',
  rectification_completed: '整改完成',
  handover_completed: '移交教育局',
  operation_decided: '确定办园方式',
  deadline_extended: '延期',
  colour_changed: '预警变化',
  hold_placed: '暂停办理',
  hold_lifted: '恢复办理',
  case_closed: '个案办结',
  case_escalated: '逾期上报领导小组',
  extension_requested: '申请延期',
  extension_decided: '延期审批',
  extension_approved: '同意延期',
  extension_refused: '不同意延期',
  progress_reported: '报送进展',
};

/** The category a case is on the board under: decided, or proposed by the ledger. */
export function boardCategory(c) {
  return c.category || (c.facts && c.facts.proposedCategory) || 'unknown';
}

export function categoryText(c) {
  if (c.category) return CATEGORIES[c.category] || c.category;
  const proposed = c.facts && c.facts.proposedCategory;
  return proposed ? `拟定：${CATEGORIES[proposed] || proposed}` : '未定';
}

/** Overview's byCategory keys: `build` or `proposed:build`. */
export function categoryKeyText(key) {
  if (key.startsWith('proposed:')) {
    const k = key.slice('proposed:'.length);
    return `拟定：${CATEGORIES[k] || k}（待定方案）`;
  }
  return CATEGORIES[key] || key;
}

export const caseHref = (caseId) => `#/kindergarten/cases/${encodeURIComponent(caseId)}`;
export const caseLink = (caseId, text) =>
  h('a', { href: caseHref(caseId), 'data-case': caseId }, text || caseId);

export function phaseChip(phase) {
  return h('span', { class: 'chip state', 'data-phase': phase }, PHASES[phase] || phase);
}

/** The campaigns to choose from (the selector), kg-2019 first when present. */
export async function loadCampaigns() {
  const res = await get('/api/campaigns');
  return res.campaigns || [];
}

/** A <select> of campaigns that moves the page to `route(campaignId)` on change. */
export function campaignSelect(campaigns, current, route) {
  const select = h(
    'select',
    { id: 'kg-campaign', name: 'campaign', title: '治理工作' },
    campaigns.map((c) =>
      h(
        'option',
        { value: c.campaignId, selected: c.campaignId === current },
        `${c.title || c.campaignId}（${c.campaignId}）`,
      ),
    ),
  );
  select.addEventListener('change', () => {
    window.location.hash = route(select.value);
  });
  return h('label', { class: 'inline' }, '治理工作 ', select);
}
