/* global window */
import { get, PROCESSES, session, STEPS, SUBTASK_STATES } from '../api.js';
import { actionButton } from '../actions.js';
import { clip, colourChip, daysText, h, stateChip } from '../ui.js';

/** Which actions an inbox step offers: lead steps the whole flow, co-operating ones sign and report. */
function stepActions(entry) {
  switch (entry.step) {
    case 'assigned':
    case 'subtask_assigned':
      return ['sign'];
    case 'signed':
    case 'in_progress':
      return ['progress', 'request-close', 'request-extension'];
    case 'subtask_signed':
    case 'subtask_in_progress':
      return ['progress', 'request-close'];
    default:
      return [];
  }
}

/** The inbox step an item's new state means for this unit (shown before the read model catches up). */
function stepAfter(entry, item, unitCode) {
  if (entry.role === 'lead') return item.state;
  const sub = (item.subTasks || []).find((s) => s.unitCode === unitCode);
  return sub ? (sub.state === 'done' ? 'done' : `subtask_${sub.state}`) : entry.step;
}

export async function inboxPage(container, { user, isCurrent }) {
  const token = session().token;
  const calendar = `/api/calendar/${encodeURIComponent(user.unitCode)}.ics?access_token=${encodeURIComponent(token)}`;
  const body = h('tbody');
  const summary = h('p', { class: 'muted' });
  // 业务 filter: a desk with steps of several processes looks at one at a time when it wants to.
  const processFilter = h(
    'select',
    { id: 'inbox-process', title: '按业务筛选' },
    h('option', { value: '' }, '全部业务'),
    Object.entries(PROCESSES).map(([value, label]) => h('option', { value }, label)),
  );
  container.replaceChildren(
    h('h1', {}, `我的待办 · ${user.unitName || user.unitCode}`),
    h(
      'div',
      { class: 'toolbar' },
      summary,
      processFilter,
      h(
        'a',
        { href: calendar, 'data-calendar': '', title: '复制此链接，在日历应用中订阅本单位的办理期限' },
        '订阅期限日历（iCalendar）',
      ),
    ),
    h(
      'table',
      { id: 'inbox' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['预警', '剩余/逾期', '业务', '文号', '条款', '事项', '本单位', '当前步骤', '期限', '操作'].map(
            (t) => h('th', {}, t),
          ),
        ),
      ),
      body,
    ),
  );

  // Steps this page just changed: the read model may lag the workflow by a few seconds, and a
  // reload must not show the step as it was before the action.
  const acted = new Map();

  async function load(flashId) {
    const res = await get('/api/inbox?pageSize=200');
    if (!isCurrent()) return;
    for (const entry of res.items) {
      const mine = (entry.process || 'supervision') === 'supervision' && acted.get(entry.itemId);
      if (mine && mine.until > Date.now()) entry.step = mine.step;
    }
    const red = res.items.filter((i) => i.colour === 'red').length;
    const byProcess = new Map();
    for (const entry of res.items) {
      const p = entry.process || 'supervision';
      byProcess.set(p, (byProcess.get(p) || 0) + 1);
    }
    const split = [...byProcess].map(([p, n]) => `${PROCESSES[p] || p} ${n}`).join('、');
    summary.textContent = `共 ${res.total} 项待办（${split || '无'}），其中逾期 ${red} 项（今日 ${res.today}）`;
    const shown = processFilter.value
      ? res.items.filter((e) => (e.process || 'supervision') === processFilter.value)
      : res.items;
    body.replaceChildren(
      ...(shown.length === 0 ? [h('tr', {}, h('td', { colspan: 10, class: 'muted' }, '没有待办事项'))] : []),
      ...shown.map((entry) =>
        (entry.process || 'supervision') === 'supervision'
          ? row(entry, entry.itemId === flashId)
          : processRow(entry),
      ),
    );
  }

  /** A step of another process (幼儿园治理, 耕地保护 …): acted on from its own page. */
  function processRow(entry) {
    return h(
      'tr',
      { 'data-item': entry.itemId, 'data-process': entry.process, 'data-step': entry.step },
      h('td', {}, colourChip(entry.colour)),
      h('td', { class: 'nowrap' }, daysText(entry.daysLeft)),
      h(
        'td',
        { class: 'nowrap' },
        h('span', { class: 'chip process' }, PROCESSES[entry.process] || entry.process),
      ),
      h('td', { class: 'nowrap' }, entry.docNo),
      h('td', { class: 'nowrap' }, entry.ref),
      h('td', {}, h('a', { href: entry.href, 'data-href': '' }, clip(entry.title))),
      h('td', {}, entry.role === 'lead' ? '牵头' : '配合'),
      h('td', {}, h('span', { class: 'chip state' }, entry.stepLabel || entry.step)),
      h('td', { class: 'nowrap' }, entry.deadline || '—'),
      h('td', {}, h('a', { href: entry.href, class: 'button-link', 'data-action': 'open' }, '去办理')),
    );
  }

  function row(entry, flash) {
    const stepCell = h('td', {}, stateChip(entry.step, STEPS));
    const actionsCell = h('td', {});
    const tr = h(
      'tr',
      { 'data-item': entry.itemId, 'data-process': 'supervision', class: flash ? 'flash' : '' },
      h('td', {}, colourChip(entry.colour)),
      h('td', { class: 'nowrap' }, daysText(entry.daysLeft)),
      h('td', { class: 'nowrap' }, h('span', { class: 'chip process' }, PROCESSES.supervision)),
      h('td', { class: 'nowrap' }, entry.docNo),
      h('td', { class: 'nowrap' }, entry.ref),
      h(
        'td',
        {},
        h('a', { href: `#/items/${encodeURIComponent(entry.itemId)}` }, clip(entry.title)),
        // Issue 23: urges waiting for the unit's answer, and the step's handling person.
        entry.openUrges
          ? [' ', h('span', { class: 'chip urged', title: `待反馈催办 ${entry.openUrges} 次` }, '催')]
          : null,
        entry.handler
          ? [' ', h('span', { class: 'muted' }, `承办人：${entry.handler.name || entry.handler.userId}`)]
          : null,
      ),
      h('td', {}, entry.role === 'lead' ? '牵头' : '配合'),
      stepCell,
      h('td', { class: 'nowrap' }, entry.deadline || '—'),
      actionsCell,
    );
    const done = (item) => {
      // The action's answer is the item's new state: show it now, then reload the inbox.
      const step = stepAfter(entry, item, user.unitCode);
      const names = { ...STEPS, done: SUBTASK_STATES.done };
      stepCell.replaceChildren(stateChip(step, names));
      entry.step = step;
      acted.set(entry.itemId, { step, until: Date.now() + 30_000 });
      fillActions();
      tr.classList.remove('flash');
      void tr.offsetWidth;
      tr.classList.add('flash');
      for (const ms of [1500, 6000]) window.setTimeout(() => void load(entry.itemId).catch(() => {}), ms);
    };
    const fillActions = () =>
      actionsCell.replaceChildren(...stepActions(entry).map((key) => actionButton(key, entry, done)));
    fillActions();
    return tr;
  }

  processFilter.addEventListener('change', () => void load().catch(() => {}));
  await load();
}
