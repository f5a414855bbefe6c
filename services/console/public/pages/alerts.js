/* global EventSource, window */
import { allItems, get, post, PROCESSES, session, unitNames } from '../api.js';
import { actionButton } from '../actions.js';
import { colourChip, h, openForm, stateChip, timeText, toast } from '../ui.js';

let source = null;

/** Closes the live stream when the user leaves the page. */
export function stopAlertStream() {
  if (source) source.close();
  source = null;
}

/** What an alert says happened, beyond a colour change. */
const ALERT_KINDS = {
  overdue_escalated: '久未整改，已报领导',
  urge_overdue: '催办逾期未反馈',
  listed_for_supervision: '挂牌督办',
  accountability_escalated: '整改不到位，提请问责',
};

function alertRow(alert, fresh) {
  // Alerts of every process: each links to its own page (`href`); older ones are supervision items.
  const process = alert.process || 'supervision';
  const href = alert.href || `#/items/${encodeURIComponent(alert.itemId)}`;
  return h(
    'li',
    {
      class: fresh ? 'new' : '',
      'data-alert': alert.id || alert.alertId,
      'data-item': alert.itemId,
      'data-process': process,
    },
    colourChip(alert.colour),
    ' ',
    process === 'supervision'
      ? null
      : [h('span', { class: 'chip process' }, PROCESSES[process] || process), ' '],
    h('a', { href }, `${alert.docNo} ${alert.ref} ${alert.title}`),
    h('div', {}, alert.message),
    h(
      'small',
      { class: 'muted' },
      `${timeText(alert.createdAt)} · 牵头：${unitNames(alert.leadUnits)}${ALERT_KINDS[alert.kind] ? ` · ${ALERT_KINDS[alert.kind]}` : ''}`,
    ),
  );
}

export async function alertsPage(container, { user, isCurrent }) {
  const feed = h('ul', { class: 'feed', id: 'alert-feed' });
  const status = h('span', { class: 'live off', id: 'live-status' }, '● 正在连接实时预警…');
  const queue = h('div', { id: 'review-queue' });
  const extensions = h('div', { id: 'extension-queue' });
  const inspector = user.role === 'inspector';

  container.replaceChildren(
    h('h1', {}, '预警中心'),
    h(
      'div',
      { class: inspector ? 'grid2' : '' },
      h('div', { class: 'card' }, h('h2', {}, '实时预警 ', status), feed),
      inspector
        ? h(
            'div',
            {},
            h('div', { class: 'card' }, h('h2', {}, '待复核的办结申请'), queue),
            h('div', { class: 'card' }, h('h2', {}, '待审批的延期申请'), extensions),
          )
        : null,
    ),
  );

  const seen = new Set();
  const add = (alert, fresh) => {
    const id = alert.id || alert.alertId;
    if (seen.has(id)) return;
    seen.add(id);
    const row = alertRow(alert, fresh);
    if (fresh) feed.prepend(row);
    else feed.append(row);
  };

  const initial = await get('/api/alerts?pageSize=50');
  if (!isCurrent()) return;
  initial.alerts.forEach((a) => add(a, false));
  if (initial.alerts.length === 0) feed.append(h('li', { class: 'muted empty' }, '暂无预警'));

  stopAlertStream();
  source = new EventSource(`/api/alerts/stream?access_token=${encodeURIComponent(session().token)}`);
  source.addEventListener('open', () => {
    status.textContent = '● 实时连接中';
    status.className = 'live';
  });
  source.addEventListener('error', () => {
    status.textContent = '● 连接中断，正在重连…';
    status.className = 'live off';
  });
  source.addEventListener('alert', (event) => {
    const empty = feed.querySelector('.empty');
    if (empty) empty.remove();
    add(JSON.parse(event.data), true);
    if (inspector) scheduleQueues();
  });

  if (!inspector) return;
  let timer = null;
  const scheduleQueues = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void loadQueues().catch(() => {}), 1200);
  };

  // The workflow's answer to an action is newer than the read model for a few seconds: keep it.
  const acted = new Map();
  const decided = new Set();

  const decide = (r, approve) =>
    openForm({
      title: `${approve ? '同意延期' : '不同意延期'}：${r.title}`,
      fields: [
        {
          name: 'text',
          label: approve ? '审批意见' : '不同意的理由',
          type: 'textarea',
          required: true,
          ...(approve ? { value: '同意延期' } : {}),
        },
      ],
      submitLabel: approve ? '同意延期' : '不同意延期',
      submit: async (values) => {
        await post(r.decide.path, { ...r.decide.body, approve, [r.decide.textField]: values.text });
        decided.add(`${r.itemId}|${r.requestedAt}`);
        toast(approve ? '已同意延期' : '已不同意延期');
        void loadQueues().catch(() => {});
      },
    });

  const otherProcessRow = (r) =>
    h(
      'tr',
      { 'data-item': r.itemId, 'data-process': r.process },
      h(
        'td',
        {},
        colourChip(r.colour),
        ' ',
        h('span', { class: 'muted' }, `[${PROCESSES[r.process] || r.process}] `),
        h('a', { href: r.href }, `${r.ref} ${r.title}${r.steps.length ? `（${r.steps.join('、')}）` : ''}`),
      ),
      h('td', {}, r.unitName || r.unitCode),
      h('td', {}, r.currentDeadline || '—'),
      h('td', {}, r.requestedDeadline),
      h('td', {}, r.reason),
      h(
        'td',
        {},
        h(
          'button',
          { type: 'button', 'data-action': 'approveExtension', onclick: () => decide(r, true) },
          '同意延期',
        ),
        h(
          'button',
          { type: 'button', 'data-action': 'refuseExtension', onclick: () => decide(r, false) },
          '不同意延期',
        ),
      ),
    );

  async function loadQueues() {
    const items = (await allItems()).map((i) => {
      const mine = acted.get(i.itemId);
      return mine && mine.until > Date.now() ? { ...i, ...mine.item } : i;
    });
    if (!isCurrent()) return;
    const closing = items.filter((i) => i.state === 'close_requested' || i.state === 'under_review');
    const pending = items.filter((i) => i.pendingExtension && i.state !== 'closed');
    // The other processes' requests (幼儿园治理, 耕地保护): one queue, each says how to decide it.
    const others = (await get('/api/reviews/extensions')).requests.filter(
      (r) => r.process !== 'supervision' && !decided.has(`${r.itemId}|${r.requestedAt}`),
    );
    if (!isCurrent()) return;
    const after = (item) => {
      acted.set(item.itemId, { item, until: Date.now() + 30_000 });
      void loadQueues().catch(() => {});
    };
    queue.replaceChildren(
      closing.length
        ? table(
            ['预警', '事项', '牵头单位', '状态', '办结说明', '操作'],
            closing.map((i) =>
              h(
                'tr',
                { 'data-item': i.itemId },
                h('td', {}, colourChip(i.overallColour)),
                h(
                  'td',
                  {},
                  h('a', { href: `#/items/${encodeURIComponent(i.itemId)}` }, `${i.ref} ${i.title}`),
                ),
                h('td', {}, unitNames(i.leadUnits)),
                h('td', {}, stateChip(i.state)),
                h('td', {}, i.latestProgress ? i.latestProgress.text : '—'),
                h(
                  'td',
                  {},
                  i.state === 'close_requested'
                    ? actionButton('review', i, after)
                    : actionButton('close', i, after),
                  actionButton('return', i, after),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, '没有待复核的办结申请'),
    );
    extensions.replaceChildren(
      pending.length || others.length
        ? table(
            ['事项', '申请单位', '现期限', '申请延至', '理由', '操作'],
            pending
              .map((i) =>
                h(
                  'tr',
                  { 'data-item': i.itemId },
                  h(
                    'td',
                    {},
                    colourChip(i.overallColour),
                    ' ',
                    h('a', { href: `#/items/${encodeURIComponent(i.itemId)}` }, `${i.ref} ${i.title}`),
                  ),
                  h('td', {}, unitNames(i.leadUnits)),
                  h('td', {}, i.deadline || '—'),
                  h('td', {}, i.pendingExtension.requestedDeadline),
                  h('td', {}, i.pendingExtension.reason),
                  h(
                    'td',
                    {},
                    actionButton('approveExtension', i, after),
                    actionButton('refuseExtension', i, after),
                  ),
                ),
              )
              .concat(others.map((r) => otherProcessRow(r))),
          )
        : h('p', { class: 'muted' }, '没有待审批的延期申请'),
    );
  }

  await loadQueues();
  // Requests that raise no alert (a new extension request) still reach the queue within seconds.
  const poll = window.setInterval(() => {
    if (!isCurrent()) return window.clearInterval(poll);
    void loadQueues().catch(() => {});
  }, 4000);
}

function table(headers, rows) {
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((t) => h('th', {}, t)),
      ),
    ),
    h('tbody', {}, rows),
  );
}
