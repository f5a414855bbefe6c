// 土地流转 (青政发〔2019〕34号): the board (by stage and tier, deposits, operators against the
// 5000-亩 cap, reports due), the list, and one application with its timeline and its next step.
import { COLOURS, get, unitName } from '/api.js';
import { colourChip, fill, h, timeText } from '/ui.js';
import { actionButtons } from './land-transfer-actions.js';
import { applyButton } from './land-transfer-apply.js';

const STAGES = {
  meeting: '待村民小组会议',
  review: '待审查评估',
  'city-review': '待市级审查小组',
  contract: '待签合同',
  filing: '待备案',
  settlement: '待交租金和保障金',
  'in-use': '经营中',
  risk: '风险处置',
  expired: '期满待退保障金',
  closed: '已办结',
};
const TIERS = { village: '村级（<100亩）', town: '镇级（100–500亩）', city: '市级（≥500亩）' };
const OUTCOMES = {
  'meeting-failed': '村民会议未通过',
  'not-implemented': '不实施',
  completed: '期满办结',
  terminated: '风险终止',
};
const ARRANGEMENTS = {
  cash: '缴纳保障金（30%）',
  'asset-pledge': '固定资产抵押',
  'collective-assets': '集体“三资”',
  waived: '镇政府决定不收取',
  'not-required': '原则上不缴纳',
};
const link = (a) =>
  h(
    'a',
    { href: `#/land-transfer/applications/${encodeURIComponent(a.applicationId)}` },
    a.application.operatorName,
  );

export async function landTransferPage(container, ctx) {
  const [, sub, id] = ctx.parts;
  if (sub === 'applications' && id) return applicationPage(container, ctx, id);
  return boardPage(container, ctx);
}

async function boardPage(container, ctx) {
  const [summary, list, apply] = await Promise.all([
    get('/api/land-transfer/summary'),
    get('/api/land-transfer/applications'),
    applyButton(ctx.user),
  ]);
  const stageRows = Object.keys(STAGES).map((s) =>
    h(
      'tr',
      {},
      h('td', {}, STAGES[s]),
      Object.keys(TIERS).map((t) => h('td', {}, String(summary.byStage[s]?.[t] ?? 0))),
    ),
  );
  const d = summary.deposits;
  fill(
    container,
    h('h1', {}, '土地流转风险防控（青政发〔2019〕34号）'),
    apply,
    h('h2', {}, '各环节申请'),
    h(
      'table',
      { id: 'lt-stages' },
      h(
        'tr',
        {},
        h('th', {}, '环节'),
        Object.values(TIERS).map((t) => h('th', {}, t)),
      ),
      stageRows,
    ),
    h('h2', {}, '风险保障金'),
    h(
      'p',
      { id: 'lt-deposits' },
      `在存 ${d.held} 笔 ${d.heldYuan} 元；已退还 ${d.refunded} 笔；已启用 ${d.drawn} 笔 ${d.drawnYuan} 元`,
    ),
    h('h2', {}, '经营主体租赁面积（上限 5000 亩，第二十三条）'),
    h(
      'table',
      { id: 'lt-operators' },
      h('tr', {}, h('th', {}, '经营主体'), h('th', {}, '租赁及在办（亩）'), h('th', {}, '上限')),
      summary.operators.map((o) =>
        h(
          'tr',
          {},
          h('td', {}, o.operatorName),
          h('td', {}, String(o.totalMu)),
          h('td', {}, String(o.capMu)),
        ),
      ),
    ),
    h('h2', {}, '应报半年情况报告（第三十二条）'),
    h(
      'table',
      { id: 'lt-reports' },
      h('tr', {}, h('th', {}, '经营主体'), h('th', {}, '半年'), h('th', {}, '报送期限'), h('th', {}, '预警')),
      summary.reportsDue.map((r) =>
        h(
          'tr',
          {},
          h('td', {}, r.operatorName),
          h('td', {}, r.period),
          h('td', {}, r.due),
          h('td', {}, colourChip(r.colour)),
        ),
      ),
    ),
    h('h2', {}, '申请'),
    h(
      'table',
      { id: 'lt-applications' },
      h(
        'tr',
        {},
        ['经营主体', '村', '面积（亩）', '层级', '环节', '预警'].map((t) => h('th', {}, t)),
      ),
      list.applications.map((a) =>
        h(
          'tr',
          { 'data-application': a.applicationId, 'data-stage': a.stage },
          h('td', {}, link(a)),
          h('td', {}, a.application.villageName),
          h('td', {}, String(a.areaMu)),
          h('td', {}, TIERS[a.tier]),
          h('td', {}, a.stage === 'closed' ? `已办结（${OUTCOMES[a.outcome] ?? ''}）` : STAGES[a.stage]),
          h('td', {}, colourChip(a.colour)),
        ),
      ),
    ),
  );
}

/** The awaited yearly supervision and those done (第三十九条). */
function supervisionText(a) {
  const done = (a.supervisions ?? []).map((s) => `${s.year} 年度已于 ${s.on} 检查`);
  const s = a.supervision;
  if (s) done.push(`${s.year} 年度应于 ${s.due} 前完成（${COLOURS[s.colour]}）`);
  return done.length ? done.join('；') : '—';
}

async function applicationPage(container, ctx, id) {
  const reload = () => applicationPage(container, ctx, id);
  const {
    application: a,
    actions,
    timeline,
  } = await get(`/api/land-transfer/applications/${encodeURIComponent(id)}`);
  const x = a.application;
  fill(
    container,
    h('p', {}, h('a', { href: '#/land-transfer' }, '← 土地流转')),
    h('h1', {}, `${x.operatorName} 流转 ${x.villageName} ${a.areaMu} 亩`),
    h(
      'dl',
      { id: 'lt-facts', 'data-stage': a.stage },
      [
        ['环节', a.stage === 'closed' ? `已办结（${OUTCOMES[a.outcome] ?? ''}）` : STAGES[a.stage]],
        ['审查层级', TIERS[a.tier]],
        ['所在镇', unitName(x.townCode)],
        ['用途', x.use],
        ['期限', `${x.termStart} 至 ${x.termEnd}`],
        ['租金', `${x.rentPerMuYear} 元/亩·年`],
        [
          '村民会议',
          a.meeting
            ? `同意 ${a.meeting.inFavour}/${a.meeting.members}，${a.meeting.passed ? '通过' : '未通过'}`
            : '—',
        ],
        [
          '决定',
          a.decision
            ? `${a.decision.decision === 'implement' ? '实施' : '不实施'}：${a.decision.reasons}`
            : '—',
        ],
        [
          '风险保障金',
          `${a.deposit.basis}；${a.deposit.cashYuan} 元；${a.deposit.arrangement ? ARRANGEMENTS[a.deposit.arrangement] : '未交'}${a.deposit.drawn ? `；已启用（${a.deposit.drawn.clauseText}）` : ''}${a.deposit.refundedOn ? `；${a.deposit.refundedOn} 已退还` : ''}`,
        ],
        ['年度监督（第三十九条）', supervisionText(a)],
        [
          '半年报告',
          a.reports.period ? `${a.reports.period} 应于 ${a.reports.due} 前报送（${COLOURS[a.colour]}）` : '—',
        ],
      ].map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    ),
    h('div', { id: 'lt-actions' }, actionButtons(a, actions, ctx.user, reload)),
    h('h2', {}, '时间线'),
    h(
      'ol',
      { id: 'lt-timeline' },
      timeline.map((e) => h('li', {}, `${timeText(e.at)} ${e.summary}`)),
    ),
  );
}
