/* global location */
import { allUnitEntries, COLOURS, download, get, query, session, STATES, unitNames } from '../api.js';
import {
  clip,
  colourChip,
  daysFromToday,
  daysText,
  h,
  stateChip,
  timeText,
  todayShanghai,
  toast,
} from '../ui.js';

const FILTERS = ['docNo', 'unit', 'colour', 'state', 'archived', 'dueAfter', 'dueBefore', 'q'];

let documents = null;
async function documentOptions() {
  if (!documents) {
    try {
      const res = await get('/api/catalog/documents');
      documents = res.documents.map((d) => ({ value: d.docNo, label: d.docNo }));
    } catch {
      documents = [];
    }
  }
  return documents;
}

function select(name, label, options, value) {
  const el = h(
    'select',
    { name },
    h('option', { value: '' }, '全部'),
    options.map((o) => h('option', { value: o.value }, o.label)),
  );
  el.value = value || '';
  return h('label', {}, label, el);
}

/** A clause with several dates: each milestone under the deadline, with its colour (done: none). */
function milestoneLines(item) {
  if (!(item.milestones || []).length) return null;
  return h(
    'div',
    { class: 'milestones' },
    item.milestones.map((m) =>
      h(
        'div',
        { 'data-milestone': m.key },
        h('small', { class: 'muted' }, `节点 ${m.date} `),
        colourChip(m.colour),
      ),
    ),
  );
}

export async function itemsPage(container, { user, params, isCurrent }) {
  const current = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || '']));
  const page = Number(params.get('page') || '1');
  const docs = await documentOptions();
  const units = allUnitEntries().map((u) => ({ value: u.code, label: u.name }));

  const form = h(
    'form',
    { class: 'filters', id: 'filters' },
    select('docNo', '文件', docs, current.docNo),
    user.role === 'bureau' ? null : select('unit', '单位', units, current.unit),
    select(
      'colour',
      '颜色',
      Object.entries(COLOURS)
        .filter(([k]) => k !== 'none')
        .map(([value, label]) => ({ value, label })),
      current.colour,
    ),
    select(
      'state',
      '状态',
      Object.entries(STATES).map(([value, label]) => ({ value, label })),
      current.state,
    ),
    // 归档 (issue 23): archived items stay searchable.
    select(
      'archived',
      '归档',
      [
        { value: 'true', label: '已归档' },
        { value: 'false', label: '未归档' },
      ],
      current.archived,
    ),
    h('label', {}, '期限自', h('input', { type: 'date', name: 'dueAfter', value: current.dueAfter })),
    h('label', {}, '期限至', h('input', { type: 'date', name: 'dueBefore', value: current.dueBefore })),
    h(
      'label',
      {},
      '搜索事项',
      h('input', { type: 'search', name: 'q', value: current.q, placeholder: '事项名称中的文字' }),
    ),
    h('button', { type: 'submit', class: 'primary' }, '查询'),
    h('button', { type: 'button', onclick: () => (location.hash = '#/items') }, '清除'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {};
    for (const el of form.elements) if (el.name) values[el.name] = el.value;
    location.hash = `#/items${query(values)}`;
  });

  const filterQuery = query(current);
  const exportButton = (label, path, name, id) =>
    h(
      'button',
      {
        type: 'button',
        id,
        onclick: () => download(`${path}${filterQuery}`, name).catch((e) => toast(e.message, true)),
      },
      label,
    );
  const calendarUnit = user.role === 'bureau' ? user.unitCode : current.unit;
  const today = todayShanghai();

  const res = await get(`/api/items${query({ ...current, page, pageSize: 50 })}`);
  if (!isCurrent()) return;
  const pages = Math.max(1, Math.ceil(res.total / res.pageSize));
  const goto = (p) => `#/items${query({ ...current, page: p })}`;

  container.replaceChildren(
    h('h1', {}, '督办事项'),
    form,
    h(
      'div',
      { class: 'toolbar' },
      h('span', { class: 'muted', id: 'total' }, `共 ${res.total} 项`),
      exportButton(
        '导出督办台账（xlsx）',
        '/api/exports/ledger.xlsx',
        `督办台账-${today}.xlsx`,
        'export-ledger',
      ),
      exportButton(
        '导出逾期清单（xlsx）',
        '/api/exports/overdue.xlsx',
        `逾期清单-${today}.xlsx`,
        'export-overdue',
      ),
      calendarUnit
        ? h(
            'a',
            {
              href: `/api/calendar/${encodeURIComponent(calendarUnit)}.ics?access_token=${encodeURIComponent(session().token)}`,
              'data-calendar': '',
            },
            '订阅期限日历',
          )
        : null,
    ),
    h(
      'table',
      { id: 'items' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['预警', '文号', '条款', '事项', '牵头单位', '办理期限', '剩余/逾期', '状态', '最新进展'].map((t) =>
            h('th', {}, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        res.items.length === 0
          ? h('tr', {}, h('td', { colspan: 9, class: 'muted' }, '没有符合条件的事项'))
          : null,
        res.items.map((item) =>
          h(
            'tr',
            { 'data-item': item.itemId },
            h('td', {}, colourChip(item.overallColour)),
            h('td', { class: 'nowrap' }, item.docNo),
            h('td', { class: 'nowrap' }, item.ref),
            h('td', {}, h('a', { href: `#/items/${encodeURIComponent(item.itemId)}` }, clip(item.title))),
            h('td', {}, unitNames(item.leadUnits)),
            h('td', { class: 'nowrap' }, item.deadline || '—', milestoneLines(item)),
            h(
              'td',
              { class: 'nowrap' },
              item.state === 'closed' ? '—' : daysText(daysFromToday(item.deadline, today)),
            ),
            h('td', {}, stateChip(item.state), item.archived ? h('span', { class: 'chip' }, '已归档') : null),
            h(
              'td',
              {},
              item.latestProgress
                ? [
                    item.latestProgress.text.slice(0, 40),
                    h('br'),
                    h('small', { class: 'muted' }, timeText(item.latestProgress.at)),
                  ]
                : '—',
            ),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'pager' },
      page > 1 ? h('a', { href: goto(page - 1) }, '上一页') : null,
      h('span', { class: 'muted' }, `第 ${page} / ${pages} 页`),
      page < pages ? h('a', { href: goto(page + 1) }, '下一页') : null,
    ),
  );
}
