/* global document, window */
// 幼儿园治理 (青政办发〔2019〕31号): the campaign board, and the dispatch to the ledger and case pages.
import { COLOUR_ORDER, COLOURS, get, post, query, unitName } from '/api.js';
import {
  boardCategory,
  campaignSelect,
  caseLink,
  categoryKeyText,
  CATEGORIES,
  CATEGORY_ORDER,
  DEFAULT_CAMPAIGN,
  HOLD_KINDS,
  KG_DOC_NO,
  loadCampaigns,
  PHASE_ORDER,
  PHASES,
  phaseChip,
} from '../kg.js';
import { colourChip, fill, h, openForm, timeText, toast } from '/ui.js';
import { kgCasePage } from './kg-case.js';
import { kgLedgerPage } from './kg-ledger.js';

export async function kindergartenPage(container, ctx) {
  const [, sub, id] = ctx.parts;
  if (sub === 'cases' && id) return kgCasePage(container, ctx, id);
  if (sub === 'ledger') return kgLedgerPage(container, ctx);
  return boardPage(container, ctx);
}

/** The ledger page is for those who upload (教育局) or export (督查室, 领导) the ledger. */
export const mayUseLedger = (user) => user.role !== 'bureau' || user.unitCode === 'edu';

/** 教育局 or 督查室 opens a new round; its deadlines keep the 2019 offsets. */
const mayOpenCampaign = (user) =>
  user.role === 'inspector' || (user.role === 'bureau' && user.unitCode === 'edu');

function openCampaignButton(route) {
  return h(
    'button',
    {
      type: 'button',
      id: 'kg-open-campaign',
      onclick: () =>
        openForm({
          title: '开启新一轮幼儿园治理',
          submitLabel: '开启',
          fields: [
            {
              name: 'campaignId',
              label: '编号（小写字母、数字、-）',
              required: true,
              placeholder: 'kg-2020',
            },
            { name: 'title', label: '名称', placeholder: '城镇小区配套幼儿园治理（2020）' },
            {
              name: 'startDate',
              label: '开始日期（各期限按2019年的间隔顺延）',
              type: 'date',
              required: true,
            },
          ],
          submit: async (v) => {
            const campaign = await post('/api/campaigns', {
              campaignId: v.campaignId.trim(),
              startDate: v.startDate,
              ...(v.title.trim() ? { title: v.title.trim() } : {}),
            });
            toast(`已开启：${campaign.title || campaign.campaignId}`);
            window.location.hash = route(campaign.campaignId);
          },
        }),
    },
    '开启新一轮治理',
  );
}

function countCard(key, label, value, colour = '') {
  return h('div', { class: `count ${colour}`, 'data-count': key }, label, h('b', {}, value));
}

function deadlinesLine(campaign) {
  const d = campaign.deadlines || {};
  return h(
    'p',
    { class: 'muted', id: 'kg-deadlines' },
    `${campaign.docNo || KG_DOC_NO} 期限：移交 ${d.handover}；回收、置换、购置 ${d.recover}；` +
      `补建改建新建方案 ${d.buildPlan}、竣工验收 ${d.completion}；普惠办园 ${d.inclusive}`,
  );
}

/** Category × phase: every case as a card with its colour, under what it is and where it stands. */
function boardTable(rows, user) {
  const byCell = new Map();
  for (const r of rows) {
    const key = `${boardCategory(r.case)}|${r.case.phase}`;
    if (!byCell.has(key)) byCell.set(key, []);
    byCell.get(key).push(r);
  }
  const categories = CATEGORY_ORDER.filter((c) => rows.some((r) => boardCategory(r.case) === c));
  const mine = user.role === 'bureau';
  if (!rows.length)
    return h('p', { class: 'muted', id: 'kg-board' }, mine ? '本单位在本次治理中没有待办个案' : '尚无个案');
  return h(
    'table',
    { id: 'kg-board', class: 'board' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, '类别 \\ 阶段'),
        PHASE_ORDER.map((p) => h('th', {}, PHASES[p])),
      ),
    ),
    h(
      'tbody',
      {},
      categories.map((category) =>
        h(
          'tr',
          { 'data-category': category },
          h('th', {}, CATEGORIES[category]),
          PHASE_ORDER.map((phase) => {
            const cell = byCell.get(`${category}|${phase}`) || [];
            return h(
              'td',
              { 'data-phase': phase },
              cell.map((r) =>
                h(
                  'div',
                  { class: `case-card ${r.case.colour}`, 'data-case': r.case.caseId },
                  colourChip(r.case.colour),
                  ' ',
                  caseLink(r.case.caseId, r.case.facts.projectName),
                  h('div', { class: 'muted' }, r.case.facts.town, r.case.category ? '' : ' · 方案待定'),
                  r.steps.length
                    ? h(
                        'div',
                        { class: 'muted small' },
                        r.steps.map((s) => `${unitName(s.unitCode)}：${s.title}`).join('；'),
                      )
                    : null,
                ),
              ),
            );
          }),
        ),
      ),
    ),
  );
}

/** 延期申请 waiting for 督查室: the inspector decides them on the case page. */
function pendingExtensions(rows, user) {
  const pending = rows.filter((r) => r.case.pendingExtension);
  if (!pending.length) return null;
  const title = (c, key) => (c.steps.find((s) => s.key === key) || {}).title || key;
  return [
    h('h2', {}, `待审批的延期申请（${pending.length}）`),
    countsTable(
      'kg-pending-extensions',
      ['小区项目', '申请单位', '步骤', '申请延至', '理由', '申请时间', ''],
      pending.map(({ case: c }) => {
        const x = c.pendingExtension;
        return h(
          'tr',
          { 'data-case': c.caseId },
          h('td', {}, caseLink(c.caseId, c.facts.projectName)),
          h('td', {}, unitName(x.unitCode)),
          h('td', {}, x.steps.map((k) => title(c, k)).join('、')),
          h('td', { class: 'nowrap' }, x.requestedDeadline),
          h('td', {}, x.reason),
          h('td', { class: 'nowrap' }, timeText(x.requestedAt)),
          h('td', {}, caseLink(c.caseId, user.role === 'inspector' ? '审批' : '查看')),
        );
      }),
    ),
  ];
}

function countsTable(id, head, rows) {
  return h(
    'table',
    { id },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((t) => h('th', {}, t)),
      ),
    ),
    h('tbody', {}, rows),
  );
}

async function boardPage(container, { user, params, isCurrent }) {
  const campaignId = params.get('campaign') || DEFAULT_CAMPAIGN;
  const [campaigns, overview, list] = await Promise.all([
    loadCampaigns(),
    get(`/api/campaigns/${encodeURIComponent(campaignId)}/overview`),
    get(`/api/cases${query({ campaignId })}`),
  ]);
  if (!isCurrent()) return;
  document.title = '幼儿园治理 · 督办';
  const names = new Map(list.cases.map((r) => [r.case.caseId, r.case.facts.projectName]));
  const held = overview.holds.filter((x) => x.held).length;
  const colourCount = (c) => overview.byColour[c] || 0;
  const route = (id) => `#/kindergarten${query({ campaign: id })}`;

  fill(
    container,
    h('h1', {}, '幼儿园治理 · 城镇小区配套幼儿园专项治理'),
    h(
      'div',
      { class: 'toolbar' },
      campaignSelect(campaigns, campaignId, route),
      mayUseLedger(user)
        ? h(
            'a',
            { href: `#/kindergarten/ledger${query({ campaign: campaignId })}`, id: 'kg-ledger-link' },
            user.role === 'bureau' ? '台账上传与导出' : '台账导出',
          )
        : null,
      mayOpenCampaign(user) ? openCampaignButton(route) : null,
    ),
    deadlinesLine(overview.campaign),
    h(
      'div',
      { class: 'counts', id: 'kg-counts' },
      countCard('total', '个案总数', overview.total),
      COLOUR_ORDER.map((c) => countCard(c, COLOURS[c], colourCount(c), c)),
      countCard('held', '暂停办理的项目', held, held ? 'red' : ''),
    ),
    h(
      'div',
      { class: 'grid3' },
      h(
        'div',
        {},
        h('h2', {}, '按整改类别'),
        countsTable(
          'kg-by-category',
          ['类别', '个案'],
          Object.entries(overview.byCategory)
            .sort((a, b) => b[1] - a[1])
            .map(([k, n]) =>
              h('tr', { 'data-category': k }, h('td', {}, categoryKeyText(k)), h('td', {}, h('b', {}, n))),
            ),
        ),
      ),
      h(
        'div',
        {},
        h('h2', {}, '按阶段'),
        countsTable(
          'kg-by-phase',
          ['阶段', '个案'],
          PHASE_ORDER.map((p) =>
            h(
              'tr',
              { 'data-phase': p },
              h('td', {}, phaseChip(p)),
              h('td', {}, h('b', {}, overview.byPhase[p] || 0)),
            ),
          ),
        ),
      ),
      h(
        'div',
        {},
        h('h2', {}, '按责任单位（未完成步骤）'),
        countsTable(
          'kg-by-bureau',
          ['单位', '未完成', '逾期', '滞后', '临期'],
          Object.entries(overview.byBureau).map(([code, b]) =>
            h(
              'tr',
              { 'data-bureau': code },
              h('td', {}, unitName(code)),
              h('td', { 'data-open': '' }, b.open),
              h('td', { class: b.red ? 'days over' : '' }, b.red),
              h('td', {}, b.yellow || 0),
              h('td', {}, b.blue),
            ),
          ),
        ),
      ),
    ),
    h('h2', {}, user.role === 'bureau' ? '个案看板（本单位有待办的个案）' : '个案看板'),
    h('div', { class: 'card scroll' }, boardTable(list.cases, user)),
    pendingExtensions(list.cases, user),
    h('h2', {}, `预警个案（${overview.atRisk.length}）`),
    countsTable(
      'kg-at-risk',
      ['预警', '小区项目', '所在镇', '阶段', '逾期、滞后或临期的步骤', '督办'],
      overview.atRisk.length
        ? overview.atRisk.map((r) =>
            h(
              'tr',
              { 'data-case': r.caseId },
              h('td', {}, colourChip(r.colour)),
              h('td', {}, caseLink(r.caseId, r.projectName)),
              h('td', {}, r.town),
              h('td', {}, phaseChip(r.phase)),
              h(
                'td',
                {},
                r.steps.map((s) =>
                  h(
                    'div',
                    {},
                    colourChip(s.colour),
                    ` ${s.title}（${unitName(s.unitCode)}，期限 ${s.deadline || '无'}）`,
                  ),
                ),
              ),
              h(
                'td',
                { class: 'small' },
                r.escalatedAt
                  ? h('div', { class: 'days over' }, `已上报领导小组 ${timeText(r.escalatedAt)}`)
                  : null,
                r.pendingExtension
                  ? h('div', {}, `延期待批：延至 ${r.pendingExtension.requestedDeadline}`)
                  : null,
              ),
            ),
          )
        : h('tr', {}, h('td', { colspan: 6, class: 'muted' }, '没有逾期、滞后或临期的个案')),
    ),
    h('h2', {}, `暂停办理（${held} 项在暂停中）`),
    countsTable(
      'kg-holds',
      ['小区项目', '暂停事项', '状态', '个案'],
      overview.holds.length
        ? overview.holds.map((x) =>
            h(
              'tr',
              { 'data-case': x.caseId, 'data-held': String(x.held) },
              h('td', {}, names.get(x.caseId) || x.projectId),
              h('td', {}, HOLD_KINDS[x.kind] || x.kind),
              h(
                'td',
                {},
                x.held
                  ? h('span', { class: 'chip red' }, '暂停办理')
                  : h('span', { class: 'chip green' }, '已恢复'),
              ),
              h('td', {}, caseLink(x.caseId)),
            ),
          )
        : h('tr', {}, h('td', { colspan: 4, class: 'muted' }, '没有暂停办理的项目')),
    ),
  );
}
