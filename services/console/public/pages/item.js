/* global window */
import { download, get, post, SUBTASK_STATES, unitName, unitNames } from '../api.js';
import { actionButton, actionsFor } from '../actions.js';
import { plainSourceLine, plainSourceText } from '../source-text.js';
import {
  colourChip,
  daysFromToday,
  daysText,
  errorBox,
  fill,
  h,
  openForm,
  stateChip,
  timeText,
  toast,
  todayShanghai,
} from '../ui.js';

/**
 * 归档 (issue 23): 督查室 archives a closed item; an archived one is marked and its record (事项,
 * 时间线, 附件, 催办) downloads as one xlsx.
 */
function archiveControls(user, item, refresh) {
  if (item.archived)
    return [
      ' ',
      h(
        'span',
        { class: 'chip', id: 'item-archived' },
        `已归档（${item.archived.byName}，${timeText(item.archived.at)}）`,
      ),
      ' ',
      h(
        'button',
        {
          type: 'button',
          id: 'download-archive',
          onclick: () =>
            download(
              `/api/items/${encodeURIComponent(item.itemId)}/archive.xlsx`,
              `督办事项归档-${item.docNo}${item.ref}.xlsx`,
            ).catch((e) => toast(e.message, true)),
        },
        '下载归档包',
      ),
    ];
  if (item.state !== 'closed' || user.role !== 'inspector') return null;
  return [
    ' ',
    h(
      'button',
      {
        type: 'button',
        id: 'archive-item',
        onclick: async () => {
          if (!window.confirm('归档后不能撤销，确定归档？')) return;
          try {
            await post(`/api/items/${encodeURIComponent(item.itemId)}/archive`, {});
            toast('已归档');
            refresh();
          } catch (e) {
            toast(e.message, true);
          }
        },
      },
      '归档',
    ),
  ];
}

/** Names of the files a progress report or close request listed. */
function attachmentsOf(entry) {
  const list = entry.data && Array.isArray(entry.data.attachments) ? entry.data.attachments : [];
  return list.map((a) => (a && a.name) || '').filter(Boolean);
}

function indicatorText(i) {
  if (i.phrase) return i.phrase;
  return [i.name, i.comparison, i.target, i.unit, i.year ? `（${i.year}年）` : ''].filter(Boolean).join(' ');
}

/** The lead unit reports a milestone done (the complete-milestone action), while it works the item. */
function mayCompleteMilestone(user, item) {
  return (
    user.role === 'bureau' &&
    item.leadUnits.includes(user.unitCode) &&
    (item.state === 'signed' || item.state === 'in_progress')
  );
}

function completeMilestoneButton(item, milestone, done) {
  const submit = async (values) => {
    const body = { milestone: milestone.key, ...(values.note ? { note: values.note } : {}) };
    await post(`/api/items/${encodeURIComponent(item.itemId)}/actions/complete-milestone`, body);
    toast(`节点 ${milestone.date} 已报送完成`);
    done();
  };
  return h(
    'button',
    {
      type: 'button',
      'data-action': 'complete-milestone',
      'data-milestone': milestone.key,
      onclick: () =>
        openForm({
          title: `节点完成：${milestone.phrase || milestone.date}`,
          fields: [{ name: 'note', label: '完成情况（可不填）', type: 'textarea' }],
          submitLabel: '报送完成',
          submit,
        }),
    },
    '报送完成',
  );
}

/** Every dated milestone of the clause: date, the notice's words, its colour, done or not. */
function milestoneList(user, item, today, done) {
  const canComplete = mayCompleteMilestone(user, item);
  return h(
    'ol',
    { id: 'milestones' },
    item.milestones.map((m) =>
      h(
        'li',
        { 'data-milestone': m.key, 'data-colour': m.colour },
        `${m.date} `,
        h('span', { class: 'muted' }, m.phrase),
        ' ',
        colourChip(m.colour),
        m.doneAt
          ? h('span', { class: 'muted' }, ` 已完成（${timeText(m.doneAt)}）`)
          : item.state !== 'closed'
            ? [' （', daysText(daysFromToday(m.date, today)), '） ']
            : null,
        !m.doneAt && canComplete ? completeMilestoneButton(item, m, done) : null,
      ),
    ),
  );
}

export async function itemPage(container, { user, parts, isCurrent }) {
  const id = parts[1];
  const [detail, catalog] = await Promise.all([
    get(`/api/items/${encodeURIComponent(id)}`),
    get(`/api/catalog/tasks/${encodeURIComponent(id)}`).catch((e) => ({ error: e })),
  ]);
  if (!isCurrent()) return;
  const { item, timeline } = detail;
  const today = todayShanghai();

  const refresh = () =>
    window.setTimeout(() => {
      if (isCurrent())
        void itemPage(container, { user, parts, isCurrent }).catch((e) => container.append(errorBox(e)));
    }, 1200);
  const actions = actionsFor(user, item).map((key) => actionButton(key, item, refresh));

  const deadlines = [
    h(
      'div',
      {},
      `当前期限：${item.deadline || '无'}`,
      item.deadline && item.state !== 'closed'
        ? [' （', daysText(daysFromToday(item.deadline, today)), '）']
        : null,
    ),
    item.originalDeadline && item.originalDeadline !== item.deadline
      ? h('div', { class: 'muted' }, `原定期限：${item.originalDeadline}`)
      : null,
    (item.deadlineHistory || []).length
      ? h(
          'ul',
          { class: 'muted' },
          item.deadlineHistory.map((d) =>
            h(
              'li',
              {},
              `${timeText(d.at)}：${d.previous || '无'} → ${d.deadline}（${d.reason}，${d.byUserId}）`,
            ),
          ),
        )
      : null,
    item.pendingExtension
      ? h(
          'div',
          { class: 'error' },
          `待审批的延期申请：延至 ${item.pendingExtension.requestedDeadline}，理由：${item.pendingExtension.reason}（${item.pendingExtension.requestedBy}，${timeText(item.pendingExtension.requestedAt)}）`,
        )
      : null,
  ];

  const task = catalog.task;
  const provenance = catalog.provenance;
  fill(
    container,
    h('p', {}, h('a', { href: '#/items' }, '← 督办事项')),
    h('h1', {}, colourChip(item.overallColour), ' ', item.title),
    h(
      'div',
      { class: 'card' },
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, '文号 / 条款'),
        h('dd', {}, `${item.docNo} ${item.ref}`),
        h('dt', {}, '状态'),
        h('dd', { id: 'item-state' }, stateChip(item.state), archiveControls(user, item, refresh)),
        h('dt', {}, '预警'),
        h(
          'dd',
          {},
          colourChip(item.overallColour),
          item.reportMissing ? h('span', { class: 'days over' }, ' 未按期报送进展') : null,
        ),
        h('dt', {}, '牵头单位'),
        h('dd', {}, unitNames(item.leadUnits)),
        h('dt', {}, '配合单位'),
        h(
          'dd',
          {},
          (item.subTasks || []).length
            ? item.subTasks.map((s) =>
                h(
                  'div',
                  {},
                  `${unitName(s.unitCode)}：`,
                  SUBTASK_STATES[s.state] || s.state,
                  s.deadline ? `，期限 ${s.deadline} ` : ' ',
                  colourChip(s.colour),
                ),
              )
            : '无',
        ),
        h('dt', {}, '办理期限'),
        h('dd', {}, deadlines),
        (item.milestones || []).length
          ? [h('dt', {}, '时间节点'), h('dd', {}, milestoneList(user, item, today, refresh))]
          : null,
        h('dt', {}, '下次报送'),
        h('dd', {}, item.nextReportDue || '—'),
        h('dt', {}, '最新进展'),
        h(
          'dd',
          {},
          item.latestProgress
            ? `${item.latestProgress.text}（${unitName(item.latestProgress.unitCode)}，${timeText(item.latestProgress.at)}）`
            : '—',
        ),
      ),
      actions.length
        ? h('div', { class: 'toolbar', style: 'margin-top:12px', id: 'item-actions' }, actions)
        : null,
    ),
    h('h2', {}, '出处（公报原文）'),
    h(
      'div',
      { class: 'card', id: 'provenance' },
      provenance
        ? [
            h(
              'p',
              { class: 'muted' },
              `${provenance.file} 第 ${provenance.lines.from}–${provenance.lines.to} 行`,
            ),
            h('pre', { class: 'source' }, plainSourceText(provenance.text)),
          ]
        : errorBox(catalog.error || new Error('目录中没有此事项的出处')),
    ),
    task && task.indicators && task.indicators.length
      ? [
          h('h2', {}, '指标'),
          h(
            'div',
            { class: 'card' },
            h(
              'ul',
              {},
              task.indicators.map((i) => h('li', {}, indicatorText(i))),
            ),
          ),
        ]
      : null,
    task && task.duties && task.duties.length
      ? [
          h('h2', {}, '各单位职责'),
          h(
            'div',
            { class: 'card' },
            task.duties.map((d) =>
              h(
                'p',
                {},
                h('b', {}, (d.units || []).map((u) => u.name).join('、') + '：'),
                plainSourceLine(d.text),
              ),
            ),
          ),
        ]
      : null,
    h('h2', {}, '时间线'),
    h(
      'div',
      { class: 'card' },
      h(
        'ol',
        { class: 'timeline', id: 'timeline' },
        timeline.map((t) =>
          h(
            'li',
            { 'data-fact': t.fact },
            h('time', {}, timeText(t.at)),
            t.summary || t.fact,
            t.actor && t.actor.userId ? h('span', { class: 'muted' }, ` · ${t.actor.userId}`) : null,
            attachmentsOf(t).length
              ? h('div', { class: 'muted attachments' }, `附件：${attachmentsOf(t).join('、')}`)
              : null,
          ),
        ),
      ),
    ),
  );
}
