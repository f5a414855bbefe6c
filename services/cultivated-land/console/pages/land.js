/* global document */
// 耕地保护 (青政办发〔2019〕28号): each town's rectification, assessment and whether its land
// business is suspended; the city's occupation-compensation ledger (占补平衡); occupation
// requests with the rule that decided them; open illegal-occupation cases; yearly assessments.
import { get, unitName } from '/api.js';
import { overviewActions } from '../land-overview-actions.js';
import { landDetailPage } from './land-detail.js';
import {
  ASSESSMENT_PHASES,
  CASE_STEPS,
  chip,
  KEY_LEVELS,
  KINDS,
  LAND_KINDS,
  mu,
  NEXT_CASE_STEP,
  OCCUPATION_STATES,
  OUTCOMES,
  RECTIFICATION_PHASES,
  RULES,
} from '../land-labels.js';
import { colourChip, dataTable, errorBox, fill, h, timeText } from '/ui.js';

function townsSection(res) {
  return dataTable(
    'land-towns',
    ['镇(场)', '永久基本农田划定整改', '年度责任目标考核', '土地管理业务'],
    res.towns.map((t) => {
      const r = t.rectification;
      const a = t.assessment;
      const s = t.suspension;
      return h(
        'tr',
        { 'data-town': t.townCode, 'data-suspended': String(Boolean(s && s.suspended)) },
        h('td', {}, h('b', {}, t.townName)),
        h(
          'td',
          {},
          r
            ? [
                r.phase === 'closed' ? chip('整改完成', 'green') : colourChip(r.colour),
                ' ',
                h(
                  'a',
                  { href: `#/land/rectifications/${encodeURIComponent(r.rectificationId)}` },
                  RECTIFICATION_PHASES[r.phase] || r.phase,
                ),
                r.currentStep && r.phase !== 'closed'
                  ? h('div', { class: 'muted small' }, `当前：${r.currentStep}`)
                  : null,
              ]
            : h('span', { class: 'muted' }, '未开启'),
        ),
        h(
          'td',
          {},
          a
            ? [
                h('a', { href: `#/land/assessments/${encodeURIComponent(a.assessmentId)}` }, `${a.year}年`),
                ' ',
                a.outcome
                  ? chip(OUTCOMES[a.outcome], a.outcome === 'criticised' ? 'red' : 'green')
                  : chip(ASSESSMENT_PHASES[a.phase] || a.phase, 'state'),
                a.outcome && a.phase !== 'closed' ? ` ${ASSESSMENT_PHASES[a.phase] || a.phase}` : '',
                a.escalated ? h('div', { class: 'days over' }, '整改逾期，已提请问责') : null,
              ]
            : h('span', { class: 'muted' }, '未考核'),
        ),
        h(
          'td',
          {},
          s && s.suspended
            ? [
                chip('暂停办理', 'red'),
                h('div', { class: 'small' }, s.reason),
                s.rectificationDeadline
                  ? h('div', { class: 'muted small' }, `整改期限 ${s.rectificationDeadline}`)
                  : null,
              ]
            : chip('正常', 'green'),
        ),
      );
    }),
    '没有镇(场)',
  );
}

function ledgerSection(res) {
  const b = res.balance;
  const card = (key, label, value, cls = '') =>
    h('div', { class: `count ${cls}`, 'data-count': key }, label, h('b', {}, value));
  return [
    b
      ? h(
          'div',
          { class: 'counts', id: 'land-balance' },
          card('accepted', '补充耕地入库', mu(b.acceptedMu)),
          card('consumed', '已用于占补', mu(b.consumedMu)),
          card('remaining', '结余（可用于占补）', mu(b.remainingMu), b.remainingMu > 0 ? 'green' : 'red'),
          card('occupied', '建设占用耕地', mu(b.occupiedMu)),
          card('temporary', '临时用地未复垦', mu(b.temporaryMu), b.temporaryMu > 0 ? 'yellow' : ''),
          card('queued', '排队的用地申请', b.queued, b.queued ? 'blue' : ''),
        )
      : h('p', { class: 'muted' }, '占补平衡台账尚无补充耕地入库'),
    h('h3', {}, '各镇(场)结余'),
    dataTable(
      'land-balance-towns',
      ['镇(场)', '补充耕地入库', '已用于占补', '结余', '建设占用', '临时用地未复垦', '土地业务'],
      (b ? b.byTown : []).map((t) =>
        h(
          'tr',
          { 'data-town': t.townCode },
          h('td', {}, t.townName || unitName(t.townCode)),
          h('td', {}, mu(t.acceptedMu)),
          h('td', {}, mu(t.consumedMu)),
          h('td', { 'data-remaining': t.remainingMu }, h('b', {}, mu(t.remainingMu))),
          h('td', {}, mu(t.occupiedMu)),
          h('td', {}, mu(t.temporaryMu)),
          h(
            'td',
            {},
            (res.suspendedTowns || []).includes(t.townCode) ? chip('暂停办理', 'red') : chip('正常', 'green'),
          ),
        ),
      ),
      '尚无数据',
    ),
    h('h3', {}, '补充耕地地块'),
    dataTable(
      'land-parcels',
      ['地块编号', '镇(场)', '面积', '剩余', '质量等别', '来源项目', '验收日期'],
      res.parcels.map((p) =>
        h(
          'tr',
          { 'data-parcel': p.parcelNo },
          h('td', {}, p.parcelNo),
          h('td', {}, p.townName || unitName(p.townCode)),
          h('td', {}, mu(p.areaMu)),
          h('td', {}, mu(p.remainingMu)),
          h('td', {}, `${p.grade} 等`),
          h('td', {}, p.sourceProject),
          h('td', { class: 'nowrap' }, p.acceptedOn),
        ),
      ),
      '尚无补充耕地入库',
    ),
  ];
}

function occupationsSection(res) {
  return dataTable(
    'land-occupations',
    ['编号', '项目', '镇(场)', '类型', '面积', '等别', '级别', '状态', '审批依据', '申请时间'],
    res.occupations.map((o) =>
      h(
        'tr',
        { 'data-occupation': o.occupationId, 'data-state': o.state },
        h(
          'td',
          { class: 'nowrap' },
          h('a', { href: `#/land/occupations/${encodeURIComponent(o.occupationId)}` }, o.occupationId),
        ),
        h('td', {}, o.project),
        h('td', {}, o.townName || unitName(o.townCode)),
        h('td', {}, KINDS[o.kind] || o.kind),
        h('td', { class: 'nowrap' }, mu(o.areaMu)),
        h('td', {}, `${o.grade} 等`),
        h('td', {}, KEY_LEVELS[o.keyLevel] || o.keyLevel),
        h(
          'td',
          {},
          chip(
            OCCUPATION_STATES[o.state] || o.state,
            o.state === 'refused' ? 'red' : o.state === 'queued' ? 'blue' : 'green',
          ),
        ),
        h(
          'td',
          { class: 'small' },
          o.refusal
            ? [h('b', {}, `${RULES[o.refusal.rule] || o.refusal.rule}：`), o.refusal.reason]
            : o.consumed && o.consumed.length
              ? `占补：${o.consumed.map((c) => `${c.parcelNo} ${mu(c.areaMu)}（${c.grade} 等）`).join('、')}`
              : o.reclamation
                ? `复垦期限 ${o.reclamation.deadline}`
                : '—',
        ),
        h('td', { class: 'nowrap' }, timeText(o.filedAt)),
      ),
    ),
    '没有用地申请',
  );
}

function reclamationsSection(res) {
  return dataTable(
    'land-reclamations',
    ['预警', '编号', '项目', '镇(场)', '面积', '复垦期限'],
    res.reclamations.map((o) =>
      h(
        'tr',
        { 'data-occupation': o.occupationId },
        h('td', {}, o.reclamation ? colourChip(o.reclamation.colour) : '—'),
        h(
          'td',
          { class: 'nowrap' },
          h('a', { href: `#/land/occupations/${encodeURIComponent(o.occupationId)}` }, o.occupationId),
        ),
        h('td', {}, o.project),
        h('td', {}, o.townName || unitName(o.townCode)),
        h('td', { class: 'nowrap' }, mu(o.areaMu)),
        h('td', { class: 'nowrap' }, o.reclamation ? o.reclamation.deadline : '—'),
      ),
    ),
    '没有待复垦的临时用地',
  );
}

function casesSection(res) {
  return dataTable(
    'land-cases',
    ['预警', '案件', '镇(场)', '地块', '面积', '地类', '当事人', '已办到', '下一步', '期限', '挂牌督办'],
    res.cases.map((c) =>
      h(
        'tr',
        { 'data-land-case': c.caseId },
        h('td', {}, colourChip(c.colour)),
        h(
          'td',
          { class: 'nowrap' },
          h('a', { href: `#/land/cases/${encodeURIComponent(c.caseId)}` }, c.caseId),
        ),
        h('td', {}, c.townName || unitName(c.facts.townCode)),
        h('td', {}, c.facts.parcelNo),
        h('td', { class: 'nowrap' }, mu(c.facts.areaMu)),
        h('td', {}, LAND_KINDS[c.facts.landKind] || c.facts.landKind),
        h('td', {}, c.facts.party),
        h('td', {}, CASE_STEPS[c.step] || c.step),
        h('td', {}, NEXT_CASE_STEP[c.step] || '—'),
        h('td', { class: 'nowrap' }, c.deadline),
        h('td', {}, c.major ? [chip('重大', 'red'), h('div', { class: 'small' }, c.majorReason || '')] : '—'),
      ),
    ),
    '没有在办的违法占地案件',
  );
}

function assessmentsSection(res) {
  const years = [...new Set(res.assessments.map((a) => a.year))].sort((a, b) => b - a);
  return [
    h(
      'p',
      { id: 'land-assessment-counts' },
      `共 ${res.counts.total} 项：通报表彰 ${res.counts.commended}，考核通过 ${res.counts.passed ?? 0}，` +
        `通报批评 ${res.counts.criticised}，` +
        `暂停土地业务 ${res.counts.suspended}，提请问责 ${res.counts.escalated}`,
    ),
    dataTable(
      'land-assessments',
      ['年度', '镇(场)', '阶段', '考核结果', '整改期限', '土地业务', '问责'],
      years.flatMap((year) =>
        res.assessments
          .filter((a) => a.year === year)
          .map((a) =>
            h(
              'tr',
              { 'data-assessment': a.assessmentId, 'data-outcome': a.result ? a.result.outcome : '' },
              h('td', {}, `${a.year}年`),
              h(
                'td',
                {},
                h('a', { href: `#/land/assessments/${encodeURIComponent(a.assessmentId)}` }, a.townName),
              ),
              h('td', {}, ASSESSMENT_PHASES[a.phase] || a.phase),
              h(
                'td',
                {},
                a.result
                  ? [
                      chip(OUTCOMES[a.result.outcome], a.result.outcome === 'criticised' ? 'red' : 'green'),
                      h('div', { class: 'small' }, a.result.summary),
                    ]
                  : h('span', { class: 'muted' }, `待报送（期限 ${a.reportDeadline}）`),
              ),
              h('td', { class: 'nowrap' }, a.rectificationDeadline || '—'),
              h(
                'td',
                {},
                a.suspension && !a.suspension.liftedAt
                  ? chip('暂停办理', 'red')
                  : a.suspension
                    ? chip('已恢复', 'green')
                    : '—',
              ),
              h('td', {}, a.escalatedAt ? h('span', { class: 'days over' }, timeText(a.escalatedAt)) : '—'),
            ),
          ),
      ),
      '尚未下达考核目标',
    ),
  ];
}

const SECTIONS = [
  { id: 'towns', title: '各镇(场)概况', path: '/api/land/towns', render: townsSection },
  { id: 'ledger', title: '耕地占补平衡台账', path: '/api/land/ledger', render: ledgerSection },
  { id: 'occupations', title: '建设占用耕地审批', path: '/api/land/occupations', render: occupationsSection },
  { id: 'reclamations', title: '临时用地复垦', path: '/api/land/reclamations', render: reclamationsSection },
  { id: 'cases', title: '违法占地案件（在办）', path: '/api/land/cases?open=true', render: casesSection },
  {
    id: 'assessments',
    title: '耕地保护责任目标考核',
    path: '/api/land/assessments',
    render: assessmentsSection,
  },
];

export async function landPage(container, ctx) {
  const [, kind, id] = ctx.parts;
  if (kind && id) return landDetailPage(container, ctx, kind, id);
  // Each section stands alone: a unit that may not read the ledger still sees the towns.
  const results = await Promise.allSettled(SECTIONS.map((s) => get(s.path)));
  if (!ctx.isCurrent()) return;
  document.title = '耕地保护 · 督办';
  const towns = results[0].status === 'fulfilled' ? results[0].value.towns : [];
  const reload = () => void landPage(container, ctx).catch((e) => container.append(errorBox(e)));
  const actions = overviewActions(ctx.user, towns, reload);
  fill(
    container,
    h('h1', {}, '耕地保护 · 青政办发〔2019〕28号'),
    actions.length ? h('div', { class: 'toolbar', id: 'land-actions' }, actions) : null,
    h(
      'div',
      { class: 'toolbar', id: 'land-sections' },
      SECTIONS.map((s) =>
        h(
          'a',
          {
            href: '#',
            'data-section-link': s.id,
            onclick: (event) => {
              event.preventDefault();
              document.getElementById(`land-section-${s.id}`).scrollIntoView({ behavior: 'smooth' });
            },
          },
          s.title,
        ),
      ),
    ),
    SECTIONS.map((s, i) => {
      const r = results[i];
      return h(
        'section',
        { id: `land-section-${s.id}`, class: 'card scroll' },
        h('h2', {}, s.title),
        r.status === 'fulfilled' ? s.render(r.value) : errorBox(r.reason),
      );
    }),
  );
}
