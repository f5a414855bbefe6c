// What the signed-in user may do on a land-transfer application (青政发〔2019〕34号): the server
// names the steps open to this user now (its grant and its unit, the workflow's owner check), and
// each gets its form here. A refusal is shown in the dialog in the server's words, with the
// article it names.
import { post } from '/api.js';
import { h, openForm, todayShanghai, toast } from '/ui.js';

const today = () => todayShanghai();
const date = (name, label) => ({ name, label, type: 'date', required: true, value: today() });
const text = (name, label, required = true) => ({ name, label, type: 'textarea', required });
const yesNo = (name, label, yes = '是', no = '否', value = 'true') => ({
  name,
  label,
  type: 'select',
  options: [
    { value: 'true', label: yes },
    { value: 'false', label: no },
  ],
  value,
});

/** 第二十五–二十九条: the five checks of the review, each passed or not with its note. */
const CHECKS = {
  qualification: '资质（第二十五条）',
  capability: '经营能力和履约能力（第二十六条）',
  project: '项目（第二十七条）',
  credit: '诚信（第二十八条）',
  contract: '合同条款（第二十九条）',
};
const COPIES = ['承包方', '受让方', '发包方', '镇土地流转服务中心'];
const RISK_EVENTS = [
  '（一）经营主体破产、撤销或解散，无法履行合同',
  '（二）经营主体死亡、失踪或丧失劳动能力，无其他承担者',
  '（三）重大自然灾害或意外事故，无力支付租金',
  '（四）完全停止经营活动或下落不明',
  '（五）经营主体犯罪被追究刑事责任，无其他承担者',
  '（六）其他事宜造成合同无法履行',
];
const VILLAGE_ARRANGEMENTS = {
  cash: '缴纳风险保障金（下一年度租金的30%，第四十三、四十八条）',
  'not-required': '不满100亩的本地经营主体，原则上不缴纳（第四十六条）',
};
const TOWN_ARRANGEMENTS = {
  'asset-pledge': '以固定资产评估价值抵押（第四十六条）',
  'collective-assets': '以村集体“三资”作为保证金（第四十五条）',
  waived: '镇政府决定不收取（第四十七条）',
};
const options = (labels) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const number = (v) => (v === '' || v === undefined ? undefined : Number(v));
const defined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ''));

const reviewFields = (title) => [
  date('on', `${title}日期`),
  ...Object.entries(CHECKS).flatMap(([k, label]) => [
    yesNo(`${k}Passed`, `${label}审查结论`, '通过', '不通过'),
    { name: `${k}Note`, label: `${label}审查意见`, required: true, value: '符合要求' },
  ]),
  {
    name: 'decision',
    label: '决定',
    type: 'select',
    options: [
      { value: 'implement', label: '实施（五项审查须全部通过）' },
      { value: 'reject', label: '不实施' },
    ],
  },
  text('reasons', '理由（第三十条：听取群众意见后作出，不实施的写明理由）'),
  text('requirements', '化解矛盾风险、做好稳定工作的具体要求（第三十条，可不填）', false),
];
const reviewBody = (v) =>
  defined({
    on: v.on,
    checks: Object.fromEntries(
      Object.keys(CHECKS).map((k) => [k, { passed: v[`${k}Passed`] === 'true', note: v[`${k}Note`] }]),
    ),
    decision: v.decision,
    reasons: v.reasons,
    requirements: v.requirements,
  });

const ACTIONS = {
  meeting: {
    label: '登记村民小组会议',
    fields: () => [
      date('heldOn', '会议日期'),
      { name: 'members', label: '村民小组全体成员（人）', type: 'number', required: true },
      { name: 'present', label: '到会（人）', type: 'number', required: true },
      {
        name: 'inFavour',
        label: '同意（人，须达全体成员80%以上，第三十五条(二)）',
        type: 'number',
        required: true,
      },
    ],
    body: (v) => ({
      heldOn: v.heldOn,
      members: number(v.members),
      present: number(v.present),
      inFavour: number(v.inFavour),
    }),
  },
  'town-review': {
    label: '镇政府先行审查（第三十八条）',
    fields: () => reviewFields('审查'),
    body: reviewBody,
  },
  decide: {
    label: '审查决定',
    fields: () => reviewFields('决定'),
    body: reviewBody,
  },
  contract: {
    label: '签订流转合同（一式四份）',
    fields: () => [
      date('signedOn', '签订日期'),
      ...COPIES.map((c, i) => yesNo(`copy${i}`, `${c}一份（第二十条）`, '已持有', '缺')),
    ],
    body: (v) => ({ signedOn: v.signedOn, copies: COPIES.filter((_, i) => v[`copy${i}`] === 'true') }),
  },
  file: {
    label: '备案',
    fields: () => [date('on', '备案日期')],
    body: (v) => ({ on: v.on }),
  },
  settle: {
    label: '登记租金和风险保障金',
    fields: (a, user) => {
      const town = user.unitCode === a.application.townCode;
      const fields = [
        date('on', '登记日期'),
        date('rentPaidOn', '当年租金付清日期（先交租金后用地，第四十三条）'),
        {
          name: 'arrangement',
          label: town ? '保障金替代方式（镇政府决定）' : '保障金方式',
          type: 'select',
          options: options(town ? TOWN_ARRANGEMENTS : VILLAGE_ARRANGEMENTS),
        },
      ];
      if (town)
        fields.push(yesNo('cleanRecord', '经营主体无不良记录（第四十六、四十七条）'), {
          name: 'fixedAssetsYuan',
          label: '固定资产评估价值（元，抵押时填写）',
          type: 'number',
        });
      else
        fields.push({
          name: 'paidYuan',
          label: `实缴保障金（元，应缴 ${a.deposit.cashYuan} 元）`,
          type: 'number',
          value: String(a.deposit.cashYuan),
        });
      return fields;
    },
    body: (v) =>
      defined({
        on: v.on,
        rentPaidOn: v.rentPaidOn,
        arrangement: v.arrangement,
        cleanRecord: v.cleanRecord === undefined ? undefined : v.cleanRecord === 'true',
        fixedAssetsYuan: number(v.fixedAssetsYuan),
        paidYuan: v.arrangement === 'cash' ? number(v.paidYuan) : undefined,
      }),
  },
  report: {
    label: '报送半年情况报告（第三十二条）',
    fields: (a) => [
      { name: 'period', label: '半年（如 2019H2）', required: true, value: a.reports.period ?? '' },
      date('on', '报送日期'),
      text('land', '土地经营情况'),
      text('rentPaid', '租金支付情况'),
      text('operations', '生产经营情况'),
      text('assetsLiabilities', '资产负债情况'),
      text('equity', '所有者权益情况'),
    ],
    body: (v) => v,
  },
  supervise: {
    label: '登记年度监督检查（第三十九条）',
    fields: (a) => [
      {
        name: 'year',
        label: '年度',
        type: 'number',
        required: true,
        value: String(a.supervision?.year ?? today().slice(0, 4)),
      },
      date('on', '检查日期'),
      text('findings', '检查情况'),
    ],
    body: (v) => ({ year: number(v.year), on: v.on, findings: v.findings }),
  },
  'risk-event': {
    label: '登记第四十九条风险事项',
    fields: () => [
      {
        name: 'clause',
        label: '情形（第四十九条，启用风险保障金）',
        type: 'select',
        options: RISK_EVENTS.map((label, i) => ({ value: String(i + 1), label })),
      },
      date('on', '发生日期'),
      text('note', '情况说明'),
    ],
    body: (v) => ({ clause: number(v.clause), on: v.on, note: v.note }),
  },
  'close-risk': {
    label: '风险处置办结',
    fields: () => [date('on', '办结日期'), text('resolution', '处置结果')],
    body: (v) => ({ on: v.on, resolution: v.resolution }),
  },
  refund: {
    label: '退还风险保障金（第四十三条）',
    fields: () => [date('on', '退还日期')],
    body: (v) => ({ on: v.on }),
  },
};

/** The problem's detail, with the article the server names when the detail does not say it. */
function withArticle(error) {
  const article = error && error.problem && error.problem.article;
  if (article && !String(error.message).includes(article)) error.message = `${error.message}（${article}）`;
  return error;
}

/** The buttons for the steps the server says this user may take now, each opening its form. */
export function actionButtons(a, actions, user, reload) {
  return actions
    .filter((action) => ACTIONS[action])
    .map((action) => {
      const spec = ACTIONS[action];
      return h(
        'button',
        {
          type: 'button',
          'data-action': action,
          onclick: () =>
            openForm({
              title: `${spec.label}：${a.application.operatorName}`,
              fields: spec.fields(a, user),
              submit: async (values) => {
                try {
                  await post(
                    `/api/land-transfer/applications/${encodeURIComponent(a.applicationId)}/actions/${action}`,
                    spec.body(values),
                  );
                } catch (error) {
                  throw withArticle(error);
                }
                toast('已办理');
                await reload();
              },
            }),
        },
        spec.label,
      );
    });
}
