/* global window */
import { get, session, STEPS, SUBTASK_STATES } from '../api.js';
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
  container.replaceChildren(
    h('h1', {}, `我的待办 · ${user.unitName || user.unitCode}`),
    h(
      'div',
      { class: 'toolbar' },
      summary,
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
          ['预警', '剩余/逾期', '文号', '条款', '事项', '本单位', '当前步骤', '期限', '操作'].map((t) =>
            h('th', {}, t),
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
      const mine = acted.get(entry.itemId);
      if (mine && mine.until > Date.now()) entry.step = mine.step;
    }
    const red = res.items.filter((i) => i.colour === 'red').length;
    summary.textContent = `共 ${res.total} 项待办，其中逾期 ${red} 项（今日 ${res.today}）`;
    body.replaceChildren(
      ...(res.items.length === 0
        ? [h('tr', {}, h('td', { colspan: 9, class: 'muted' }, '没有待办事项'))]
        : []),
      ...res.items.map((entry) => row(entry, entry.itemId === flashId)),
    );
  }

  function row(entry, flash) {
    const stepCell = h('td', {}, stateChip(entry.step, STEPS));
    const actionsCell = h('td', {});
    const tr = h(
      'tr',
      { 'data-item': entry.itemId, class: flash ? 'flash' : '' },
      h('td', {}, colourChip(entry.colour)),
      h('td', { class: 'nowrap' }, daysText(entry.daysLeft)),
      h('td', { class: 'nowrap' }, entry.docNo),
      h('td', { class: 'nowrap' }, entry.ref),
      h('td', {}, h('a', { href: `#/items/${encodeURIComponent(entry.itemId)}` }, clip(entry.title))),
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

  await load();
}
