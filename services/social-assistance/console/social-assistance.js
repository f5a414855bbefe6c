/* global location, window */
// 社会救助 (青政办发〔2019〕39号): the leadership totals, each purchase's timeline with payments due and
// paid, evaluation results and the officers' roster, and the household cases by town and step.
// Each party acts here on what the API lists as open to it (sa-actions.js has the forms).
import { ApiError, COLOURS, download, get, unitName } from '/api.js';
import { actionButtons, postForm } from '/forms.js';
import { colourChip, fill, h, timeText, todayShanghai } from '/ui.js';
import {
  CASE_ACTIONS,
  KINDS,
  PARTS,
  PURCHASE_ACTIONS,
  openPurchaseForm,
  takeCaseForm,
} from './sa-actions.js';

const CIVIL = 'civil';
/** 七(三): one evaluation with the panel's three scores. */
const attemptText = (a) =>
  `${a.on} ${a.passed ? '合格' : '不合格'}（服务成效 ${a.scores.serviceResults}、日常管理 ${a.scores.dailyManagement}、社会影响 ${a.scores.socialEffect}）`;
const CASE_STEPS = {
  investigation: '入户调查',
  appraisal: '群众评议',
  'spot-check': '民政局抽查复核',
  decision: '镇(街道)决定',
  approved: '已决定：给予救助',
  rejected: '已决定：不予救助',
};
const table = (id, heads, rows) =>
  h(
    'table',
    { id },
    h(
      'tr',
      {},
      heads.map((t) => h('th', {}, t)),
    ),
    rows,
  );

const path = (kind, id) => `/api/social-assistance/${kind}/${encodeURIComponent(id)}`;
/** Ids just started here (a purchase opened, a case taken): their page waits for the read model. */
const started = new Set();
const go = (kind, id) => {
  started.add(id);
  location.hash = `#/social-assistance/${kind}/${encodeURIComponent(id)}`;
};
const pause = () => new Promise((resolve) => window.setTimeout(resolve, 250));

/**
 * The detail of a purchase or case once the read model has caught up: with `version` (the answer
 * of the Update just taken), or at all for one just started. The projection follows the
 * workflow's events by a moment; about 10 s at most, then the page shows what there is.
 */
async function detailAt(url, key, id, version = 0) {
  for (let i = 0; ; i += 1) {
    let detail = null;
    try {
      detail = await get(url);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404 && started.has(id) && i < 40)) throw error;
    }
    if (detail && (detail[key].version >= version || i >= 40)) {
      started.delete(id);
      return detail;
    }
    await pause();
  }
}

export async function socialAssistancePage(container, ctx) {
  const [, sub, id] = ctx.parts;
  if (sub === 'purchases' && id) return purchasePage(container, ctx, id);
  if (sub === 'cases' && id) return casePage(container, ctx, id);
  return boardPage(container, ctx);
}

/** The seat of this user's unit on a purchase in service (an officer's login), or null. */
const seatOf = (user, purchases) =>
  purchases
    .filter((p) => p.stage === 'in-service')
    .flatMap((p) => p.roster)
    .find((s) => s.officerCode && s.officerCode === user.unitCode) ?? null;

/** 民政局 opens a year's purchase; an officer on the roster takes a household's application. */
function boardActions(user, purchases) {
  const out = [];
  if (user.role === 'bureau' && user.unitCode === CIVIL) {
    const form = openPurchaseForm(Number(todayShanghai().slice(0, 4)));
    out.push(
      h(
        'button',
        {
          type: 'button',
          id: 'sa-open',
          onclick: () =>
            postForm({
              title: '建立年度购买社会救助服务项目（三、六）',
              ...form,
              path: '/api/social-assistance/purchases',
              done: '已建立',
              after: (answer) => go('purchases', answer.purchaseId),
            }),
        },
        '建立年度项目',
      ),
    );
  }
  const seat = user.role === 'bureau' ? seatOf(user, purchases) : null;
  if (seat) {
    const towns = [...new Set(purchases.flatMap((p) => p.roster.map((s) => s.unitCode)))].filter(
      (code) => code !== CIVIL,
    );
    const form = takeCaseForm(seat.unitCode, towns, todayShanghai());
    out.push(
      h(
        'button',
        {
          type: 'button',
          id: 'sa-take',
          onclick: () =>
            postForm({
              title: '受困难家庭委托，代为提出救助申请（五(五)2(1)）',
              ...form,
              path: '/api/social-assistance/cases',
              done: '已受理',
              after: (answer) => go('cases', answer.caseId),
            }),
        },
        '代为提出救助申请',
      ),
    );
  }
  return h('div', { class: 'toolbar', id: 'sa-board-actions' }, out);
}

async function boardPage(container, ctx) {
  const [summary, list, cases] = await Promise.all([
    get('/api/social-assistance/summary'),
    get('/api/social-assistance/purchases'),
    get('/api/social-assistance/cases'),
  ]);
  if (!ctx.isCurrent()) return;
  const towns = Object.keys(summary.casesByTown);
  const steps = Object.keys(CASE_STEPS);
  fill(
    container,
    h('h1', {}, '购买社会救助服务（青政办发〔2019〕39号）'),
    boardActions(ctx.user, list.purchases),
    h('h2', {}, '领导总览'),
    table(
      'sa-totals',
      ['项目', '预警', '预算（元）', '已拨付（元）', '应拨付笔数', '逾期拨付', '缺额岗位'],
      summary.purchases.map((p) =>
        h(
          'tr',
          { 'data-purchase': p.purchaseId },
          h(
            'td',
            {},
            h(
              'a',
              { href: `#/social-assistance/purchases/${encodeURIComponent(p.purchaseId)}` },
              p.purchaseId,
            ),
          ),
          h('td', {}, colourChip(p.colour)),
          h('td', {}, String(p.budgetYuan)),
          h('td', {}, String(p.paidYuan)),
          h('td', {}, String(p.duePayments)),
          h('td', {}, String(p.latePayments)),
          h('td', {}, String(p.vacancies)),
        ),
      ),
    ),
    h('p', {}, `项目 ${list.purchases.length} 个；逾期的救助申请 ${summary.casesRed} 件`),
    h('h2', {}, '各镇(街道)救助申请'),
    table(
      'sa-cases-by-town',
      ['镇(街道)', ...steps.map((s) => CASE_STEPS[s])],
      towns.map((t) =>
        h(
          'tr',
          {},
          h('td', {}, unitName(t)),
          steps.map((s) => h('td', {}, String(summary.casesByTown[t][s] ?? 0))),
        ),
      ),
    ),
    h('h2', {}, '救助申请'),
    table(
      'sa-cases',
      ['申请人', '救助类别', '镇(街道)', '核查员', '环节', '期限', '预警'],
      cases.cases.map((c) =>
        h(
          'tr',
          { 'data-case': c.caseId },
          h(
            'td',
            {},
            h(
              'a',
              { href: `#/social-assistance/cases/${encodeURIComponent(c.caseId)}` },
              c.household.applicant,
            ),
          ),
          h('td', {}, KINDS[c.household.kind]),
          h('td', {}, unitName(c.household.townCode)),
          h('td', {}, c.officer.name),
          h('td', {}, CASE_STEPS[c.step ?? c.decision]),
          h('td', {}, c.due ?? '—'),
          h('td', {}, colourChip(c.colour)),
        ),
      ),
    ),
  );
}

async function purchasePage(container, ctx, id, version = 0) {
  const { purchase: p, actions, timeline } = await detailAt(path('purchases', id), 'purchase', id, version);
  if (!ctx.isCurrent()) return;
  fill(
    container,
    h('p', {}, h('a', { href: '#/social-assistance' }, '← 社会救助')),
    h('h1', {}, `${p.year}年购买社会救助服务（${p.provider ? p.provider.name : '承接主体待定'}）`),
    h(
      'div',
      { class: 'toolbar', id: 'sa-actions', 'data-version': p.version },
      actionButtons({
        actions,
        specs: PURCHASE_ACTIONS,
        thing: p,
        subject: `${p.year}年购买社会救助服务`,
        pathOf: (action) => `${path('purchases', id)}/actions/${action}`,
        after: (answer) => purchasePage(container, ctx, id, answer.version),
      }),
    ),
    h(
      'p',
      {},
      h(
        'button',
        {
          type: 'button',
          id: 'sa-budget',
          onclick: () =>
            download(`${path('purchases', id)}/budget.xlsx`, `购买社会救助服务预算-${p.year}.xlsx`),
        },
        '下载年度预算表（xlsx）',
      ),
    ),
    h('h2', {}, '实施步骤（六）'),
    table(
      'sa-steps',
      ['步骤', '条款', '计划', '期限', '完成', '预警'],
      p.steps.map((s) =>
        h(
          'tr',
          {},
          h('td', {}, s.label),
          h('td', {}, s.ref),
          h('td', {}, s.planned),
          h('td', {}, s.due),
          h('td', {}, s.doneOn ? `${s.doneOn}${s.late ? '（逾期）' : ''}` : '—'),
          h('td', {}, colourChip(s.colour)),
        ),
      ),
    ),
    h('h2', {}, '经费拨付（六(四)）'),
    table(
      'sa-payments',
      ['服务年度', '比例', '金额（元）', '应拨付期限', '拨付', '预警'],
      p.payments.map((x) =>
        h(
          'tr',
          { 'data-payment': x.key },
          h('td', {}, `第${x.serviceYear}年`),
          h('td', {}, PARTS[x.part]),
          h('td', {}, String(x.amountYuan)),
          h('td', {}, x.due ?? (x.held ? '暂停拨付' : '待评估合格')),
          h('td', {}, x.paidOn ? `${x.paidOn}${x.late ? '（逾期）' : ''}` : (x.held ?? '未拨付')),
          h('td', {}, colourChip(x.colour)),
        ),
      ),
    ),
    h('h2', {}, '综合评估（七(三)）'),
    table(
      'sa-evaluations',
      ['评估', '半年期至', '期限', '结果', '预警'],
      p.evaluations.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, `第${e.serviceYear}年度${e.half === 1 ? '中期' : '末期'}`),
          h('td', {}, e.periodEnd),
          h('td', {}, e.due),
          h('td', {}, e.attempts.map(attemptText).join('；') || '—'),
          h('td', {}, colourChip(e.colour)),
        ),
      ),
    ),
    h('h2', {}, '入户核查员花名册（五(二)）'),
    table(
      'sa-roster',
      ['岗位', '派驻', '核查员', '到岗'],
      p.roster.map((s) =>
        h(
          'tr',
          {},
          h('td', {}, String(s.seat)),
          h('td', {}, unitName(s.unitCode)),
          h('td', {}, s.officerName ?? '缺额'),
          h('td', {}, s.since ?? '—'),
        ),
      ),
    ),
    h('p', {}, `整体预警：${COLOURS[p.colour]}`),
    h('h2', {}, '时间线'),
    h(
      'ol',
      { id: 'sa-timeline' },
      timeline.map((e) => h('li', {}, `${timeText(e.at)} ${e.summary}`)),
    ),
  );
}

async function casePage(container, ctx, id, version = 0) {
  const { case: c, actions, timeline } = await detailAt(path('cases', id), 'case', id, version);
  if (!ctx.isCurrent()) return;
  fill(
    container,
    h('p', {}, h('a', { href: '#/social-assistance' }, '← 社会救助')),
    h('h1', {}, `社会救助申请：${c.household.applicant}（${KINDS[c.household.kind]}）`),
    h(
      'div',
      { class: 'toolbar', id: 'sa-case-actions', 'data-step': c.step ?? c.decision },
      actionButtons({
        actions,
        specs: CASE_ACTIONS,
        thing: c,
        subject: c.household.applicant,
        pathOf: (action) => `${path('cases', id)}/actions/${action}`,
        after: (answer) => casePage(container, ctx, id, answer.version),
      }),
    ),
    h(
      'dl',
      { id: 'sa-case' },
      [
        ['镇(街道)', unitName(c.household.townCode)],
        ['村(居)', c.household.village],
        ['入户核查员', c.officer.name],
        ['环节', CASE_STEPS[c.step ?? c.decision]],
        ['期限', c.due ? `${c.due}（${COLOURS[c.colour]}）` : '—'],
      ].map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    ),
    h('h2', {}, '时间线'),
    h(
      'ol',
      {},
      timeline.map((e) => h('li', {}, `${timeText(e.at)} ${e.summary}`)),
    ),
  );
}
