// The forms of 购买社会救助服务 (青政办发〔2019〕39号): each action the API lists as open to the user
// (民政局 the plan, evaluations and spot checks; 财政局 the payments; the provider dispatch, staffing
// and rectification; an officer its case steps; the town its decision), and the two that start
// something: 民政局 opening a year's purchase, an officer taking a household's application.
import { unitName } from '/api.js';
import { field, yes } from '/forms.js';

export const PARTS = { first: '50%', mid: '40%', final: '剩余部分' };
export const KINDS = {
  subsistence: '最低生活保障',
  destitute: '特困人员供养',
  medical: '医疗救助',
  education: '教育救助',
  housing: '住房救助',
  temporary: '临时救助',
};
const PANEL = ['市民政局', '镇(街道)代表', '承接主体', '救助对象代表'];
const lines = (value) =>
  String(value || '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
const halfName = (e) => `第${e.serviceYear}年度${e.half === 1 ? '中期' : '末期'}评估`;

/** 六(四): a payment as 财政局 picks it, with why it cannot be paid yet when so. */
function paymentOption(x) {
  const when = x.held ? `暂停拨付：${x.held}` : x.due ? `期限 ${x.due}` : '待评估合格';
  return { value: x.key, label: `第${x.serviceYear}年度 ${PARTS[x.part]} ${x.amountYuan} 元（${when}）` };
}

/** The officers of 六(五), one a line: 岗位号 代码 姓名. */
function officersOf(value) {
  return lines(value).map((line) => {
    const [seat, code, ...name] = line.split(/[\s,，]+/);
    return { seat: Number(seat), code, name: name.join('') };
  });
}

export const PURCHASE_ACTIONS = {
  apply: {
    label: '提出购买方案',
    fields: () => [field.date('on', '方案报市政府同意日期（六(一)）')],
    body: (v) => ({ on: v.on }),
  },
  procure: {
    label: '确定承接主体',
    fields: () => [
      field.date('on', '政府采购完成日期（六(二)）'),
      field.line('code', '承接主体的登录单位代码'),
      field.line('name', '承接主体名称'),
    ],
    body: (v) => ({ on: v.on, provider: { code: v.code, name: v.name } }),
  },
  contract: {
    label: '签订购买服务合同',
    fields: () => [field.date('signedOn', '签订日期（六(三)）'), field.date('effectiveOn', '生效日期')],
    body: (v) => ({ signedOn: v.signedOn, effectiveOn: v.effectiveOn }),
  },
  pay: {
    label: '登记拨付',
    fields: (p) => {
      const unpaid = p.payments.filter((x) => !x.paidOn);
      const next = unpaid.find((x) => x.due && !x.held) ?? unpaid[0];
      return [
        field.choice('payment', '拨付哪一笔（六(四)）', unpaid.map(paymentOption), next && next.key),
        field.date('on', '拨付日期'),
        field.number('amountYuan', '拨付金额（元，按核定金额，五(三)不得变更）', {
          value: next && next.amountYuan,
        }),
      ];
    },
    body: (v) => ({ payment: v.payment, on: v.on, amountYuan: Number(v.amountYuan) }),
  },
  dispatch: {
    label: '派遣入户核查员',
    fields: (p) => [
      field.date('on', '到岗日期（合同签订后15个工作日内，六(五)）'),
      field.text('officers', '核查员（每行一个岗位：岗位号 登录单位代码 姓名）', {
        placeholder: p.roster.map((s) => `${s.seat} （${unitName(s.unitCode)}）`).join('\n'),
      }),
    ],
    body: (v) => ({ on: v.on, officers: officersOf(v.officers) }),
    labels: { officers: '核查员', seat: '岗位号', code: '登录单位代码', name: '姓名' },
  },
  staff: {
    label: '岗位缺额或递补',
    fields: (p) => [
      field.choice(
        'seat',
        '岗位（五(二)）',
        p.roster.map((s) => ({
          value: String(s.seat),
          label: `${s.seat} ${unitName(s.unitCode)}：${s.officerName ?? '缺额'}`,
        })),
      ),
      field.date('on', '日期'),
      field.line('code', '递补核查员的登录单位代码（缺额不填）', { required: false }),
      field.line('name', '递补核查员姓名（缺额不填）', { required: false }),
    ],
    body: (v) => ({
      seat: Number(v.seat),
      on: v.on,
      officer: v.code.trim() ? { code: v.code.trim(), name: v.name.trim() } : null,
    }),
  },
  evaluate: {
    label: '综合评估',
    fields: (p) => [
      field.choice(
        'evaluation',
        '评估（七(三)，每半年一次）',
        p.evaluations
          .filter((e) => !e.passedOn)
          .map((e) => ({ value: e.key, label: `${halfName(e)}（半年期至 ${e.periodEnd}）` })),
      ),
      field.date('on', '评估日期'),
      field.number('serviceResults', '服务成效（0–100 分）'),
      field.number('dailyManagement', '日常管理（0–100 分）'),
      field.number('socialEffect', '社会影响（0–100 分）'),
      field.yesNo('passed', '评估结论（合格的放行下一笔拨付，不合格的暂停拨付并整改）', {
        yes: '合格',
        no: '不合格',
      }),
      field.text('panel', '评定小组（每行一个：民政局、镇(街道)、承接主体、救助对象代表）', {
        value: PANEL.join('\n'),
      }),
      field.text('note', '评估意见（可不填）', { required: false }),
    ],
    body: (v) => ({
      evaluation: v.evaluation,
      on: v.on,
      scores: {
        serviceResults: Number(v.serviceResults),
        dailyManagement: Number(v.dailyManagement),
        socialEffect: Number(v.socialEffect),
      },
      passed: yes(v.passed),
      panel: lines(v.panel),
      note: v.note,
    }),
  },
  rectify: {
    label: '登记整改',
    fields: () => [field.date('on', '整改完成日期'), field.text('note', '整改情况（七(三)、五(六)）')],
    body: (v) => ({ on: v.on, note: v.note }),
  },
};

export const CASE_ACTIONS = {
  investigate: {
    label: '入户调查',
    fields: () => [
      field.date('on', '调查日期（五(五)2(2)）'),
      field.yesNo('signedByOfficer', '调查人员签字确认', { yes: '已签字', no: '未签字' }),
      field.yesNo('signedByApplicant', '申请人签字确认', { yes: '已签字', no: '未签字' }),
      field.text('findings', '调查情况（收入、财产、家庭状况）'),
    ],
    body: (v) => ({
      on: v.on,
      signedByOfficer: yes(v.signedByOfficer),
      signedByApplicant: yes(v.signedByApplicant),
      findings: v.findings,
    }),
  },
  appraise: {
    label: '群众评议',
    fields: () => [
      field.date('on', '评议日期（五(五)2(3)）'),
      field.number('representatives', '参加评议的村(居)民代表（人）'),
      field.yesNo('objections', '评议结果', { yes: '有异议', no: '无异议', value: 'false' }),
      field.text('note', '评议情况'),
    ],
    body: (v) => ({
      on: v.on,
      representatives: Number(v.representatives),
      objections: yes(v.objections),
      note: v.note,
    }),
  },
  'spot-check': {
    label: '抽查复核',
    fields: () => [
      field.date('on', '复核日期（五(五)2(4)）'),
      field.yesNo('confirmed', '复核结论', { yes: '属实', no: '不属实' }),
      field.text('note', '复核情况'),
    ],
    body: (v) => ({ on: v.on, confirmed: yes(v.confirmed), note: v.note }),
  },
  decide: {
    label: '审核决定',
    fields: () => [
      field.date('on', '决定日期'),
      field.yesNo('approved', '决定', { yes: '给予救助', no: '不予救助' }),
      field.text('reasons', '理由'),
    ],
    body: (v) => ({ on: v.on, approved: yes(v.approved), reasons: v.reasons }),
  },
};

/** 六: the plan's steps as the gazette writes them, for a year (the 2019 one is the gazette's). */
const PLAN = {
  application: ['项目申请', '4月下旬'],
  procurement: ['组织实施', '5月上旬'],
  contract: ['签订合同', '5月中旬'],
  funds: ['资金拨付', '5月下旬'],
  dispatch: ['人员派遣', '6月上旬'],
};

/** 民政局 opens a year's purchase (三, 六): the year and its plan in month parts. */
export function openPurchaseForm(year) {
  return {
    fields: [
      field.number('year', '年度', { value: year }),
      ...Object.entries(PLAN).map(([key, [label, part]]) =>
        field.line(key, `${label}（如 ${year}年${part}；上旬10日、中旬20日、下旬月末）`, {
          value: `${year}年${part}`,
        }),
      ),
    ],
    body: (v) => ({
      year: Number(v.year),
      plan: Object.fromEntries(Object.keys(PLAN).map((key) => [key, v[key]])),
    }),
  };
}

/** 五(五)2(1): an officer takes a household's application; a town's officer for its own town. */
export function takeCaseForm(seatUnit, towns, today) {
  const choices = seatUnit === 'civil' ? towns : [seatUnit];
  return {
    fields: [
      field.date('takenOn', '受理日期', today),
      field.line('applicant', '申请人'),
      field.number('members', '家庭人口（人）'),
      field.choice(
        'townCode',
        '所在镇(街道)',
        choices.map((code) => ({ value: code, label: unitName(code) })),
      ),
      field.line('village', '村(居)'),
      field.choice('kind', '救助类别', KINDS),
      field.text('statement', '困难情况'),
    ],
    body: (v) => ({
      takenOn: v.takenOn,
      household: {
        applicant: v.applicant,
        members: Number(v.members),
        townCode: v.townCode,
        village: v.village,
        kind: v.kind,
        statement: v.statement,
      },
    }),
  };
}
