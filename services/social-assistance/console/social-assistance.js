// 社会救助 (青政办发〔2019〕39号): the leadership totals, each purchase's timeline with payments due and
// paid, evaluation results and the officers' roster, and the household cases by town and step.
import { COLOURS, get, unitName } from '/api.js';
import { colourChip, fill, h, timeText } from '/ui.js';

const PARTS = { first: '50%', mid: '40%', final: '剩余部分' };
const CASE_STEPS = {
  investigation: '入户调查',
  appraisal: '群众评议',
  'spot-check': '民政局抽查复核',
  decision: '镇(街道)决定',
  approved: '已决定：给予救助',
  rejected: '已决定：不予救助',
};
const KINDS = {
  subsistence: '最低生活保障',
  destitute: '特困人员供养',
  medical: '医疗救助',
  education: '教育救助',
  housing: '住房救助',
  temporary: '临时救助',
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

export async function socialAssistancePage(container, ctx) {
  const [, sub, id] = ctx.parts;
  if (sub === 'purchases' && id) return purchasePage(container, id);
  if (sub === 'cases' && id) return casePage(container, id);
  return boardPage(container);
}

async function boardPage(container) {
  const [summary, list, cases] = await Promise.all([
    get('/api/social-assistance/summary'),
    get('/api/social-assistance/purchases'),
    get('/api/social-assistance/cases'),
  ]);
  const towns = Object.keys(summary.casesByTown);
  const steps = Object.keys(CASE_STEPS);
  fill(
    container,
    h('h1', {}, '购买社会救助服务（青政办发〔2019〕39号）'),
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

async function purchasePage(container, id) {
  const { purchase: p, timeline } = await get(`/api/social-assistance/purchases/${encodeURIComponent(id)}`);
  fill(
    container,
    h('p', {}, h('a', { href: '#/social-assistance' }, '← 社会救助')),
    h('h1', {}, `${p.year}年购买社会救助服务（${p.provider ? p.provider.name : '承接主体待定'}）`),
    h(
      'p',
      {},
      h(
        'a',
        { href: `/api/social-assistance/purchases/${encodeURIComponent(id)}/budget.xlsx` },
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
          h('td', {}, e.attempts.map((a) => `${a.on} ${a.passed ? '合格' : '不合格'}`).join('；') || '—'),
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

async function casePage(container, id) {
  const { case: c, timeline } = await get(`/api/social-assistance/cases/${encodeURIComponent(id)}`);
  fill(
    container,
    h('p', {}, h('a', { href: '#/social-assistance' }, '← 社会救助')),
    h('h1', {}, `社会救助申请：${c.household.applicant}（${KINDS[c.household.kind]}）`),
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
