// 耕地保护 (青政办发〔2019〕28号): the names the console shows for the land APIs' codes.
import { h } from '/ui.js';

export const RECTIFICATION_PHASES = {
  verify: '核实划定成果',
  problems: '列出问题清单',
  plan: '整改补划方案',
  rectify: '镇(场)整改补划',
  review: '方案审核',
  zones: '调整“两区”',
  amend: '修改土地利用总体规划',
  accept: '整改验收',
  closed: '整改完成',
};
export const ASSESSMENT_PHASES = {
  reporting: '镇(场)自查报送',
  assessing: '考核评定',
  rectifying: '限期整改',
  verifying: '整改核查',
  closed: '已办结',
};
export const OUTCOMES = { commended: '通报表彰', passed: '考核通过', criticised: '通报批评' };
export const OCCUPATION_STATES = {
  approved: '已批准',
  refused: '不予批准',
  queued: '排队（待补充耕地）',
  reclaimed: '已复垦',
};
export const RULES = {
  prior_compensation: '先补后占',
  quantity: '占一补一',
  quality: '占优补优',
  priority: '优先保障重点建设项目',
};
export const KEY_LEVELS = { national: '国家重点', region: '自治区重点', none: '一般' };
export const KINDS = { permanent: '建设占用', temporary: '临时用地' };
export const LAND_KINDS = { cultivated: '耕地', basic_farmland: '永久基本农田', other: '其他土地' };
export const CASE_STEPS = {
  registered: '立案',
  investigated: '调查取证',
  decided: '处罚决定',
  rectified: '整改复耕',
  closed: '结案',
};
export const NEXT_CASE_STEP = {
  registered: '调查取证',
  investigated: '处罚决定',
  decided: '整改复耕',
  rectified: '结案',
};

export const STEP_STATES = { waiting: '未开始', open: '办理中', done: '已完成' };
export const PROBLEM_CATEGORIES = {
  designation_untrue: '划定不实',
  illegal_occupation: '违法占用',
  wrongly_designated: '错划',
  other: '其他问题',
};
export const TRANSFER_BODIES = { discipline: '纪委监委', judiciary: '司法机关' };

export const mu = (n) => (typeof n === 'number' ? `${n.toFixed(2).replace(/\.?0+$/, '')} 亩` : '—');
export const chip = (text, cls) => h('span', { class: `chip ${cls}` }, text);
