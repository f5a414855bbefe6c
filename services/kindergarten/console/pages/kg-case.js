/* global document, window */
// 一园一案: one kindergarten case — its facts, steps by bureau, holds on the residential project,
// the permits 住建局 and 自然资源局 answer for, its timeline, and what the signed-in user may do.
import { get, post, query, unitName } from '/api.js';
import {
  CONDITIONS,
  caseLink,
  categoryText,
  FACTS,
  HOLD_KINDS,
  LIFTING_STEPS,
  OPERATION_MODES,
  phaseChip,
  PHASES,
  PROJECT_STATUSES,
  STEP_STATES,
  TENURES,
} from '../kg.js';
import { caseActions, stepActions } from '../kg-actions.js';
import {
  colourChip,
  dataTable,
  daysFromToday,
  daysText,
  errorBox,
  factList,
  fill,
  h,
  timeText,
  todayShanghai,
} from '/ui.js';

function stepsTable(c, user, done) {
  const today = todayShanghai();
  const titleOf = (key) => (c.steps.find((s) => s.key === key) || {}).title || key;
  return dataTable(
    'kg-steps',
    ['阶段', '步骤', '条款', '责任单位', '期限', '剩余/逾期', '预警', '状态', '办理情况', '操作'],
    c.steps.map((s) =>
      h(
        'tr',
        {
          'data-step': s.key,
          'data-state': s.state,
          class: s.unitCode === user.unitCode && s.state === 'open' ? 'mine' : '',
        },
        h('td', { class: 'nowrap' }, PHASES[s.phase] || s.phase),
        h(
          'td',
          {},
          s.title,
          s.state === 'waiting' && s.after.length
            ? h('div', { class: 'muted small' }, `须先完成：${s.after.map(titleOf).join('、')}`)
            : null,
        ),
        h('td', { class: 'nowrap' }, s.ref),
        h('td', { class: 'nowrap' }, unitName(s.unitCode)),
        h(
          'td',
          { class: 'nowrap' },
          s.deadline || '无',
          s.originalDeadline && s.originalDeadline !== s.deadline
            ? h('div', { class: 'muted small' }, `原定 ${s.originalDeadline}`)
            : null,
        ),
        h('td', { class: 'nowrap' }, s.state === 'done' ? '—' : daysText(daysFromToday(s.deadline, today))),
        h('td', {}, s.state === 'done' ? '—' : colourChip(s.colour)),
        h(
          'td',
          { class: 'nowrap' },
          h(
            'span',
            { class: `chip ${s.state === 'done' ? 'green' : 'state'}`, 'data-step-state': s.state },
            STEP_STATES[s.state] || s.state,
          ),
        ),
        h(
          'td',
          { class: 'small' },
          s.state === 'done' ? `${s.doneBy || ''} ${timeText(s.doneAt)}` : null,
          s.note ? h('div', { class: 'muted' }, s.note) : null,
          s.state === 'open' && s.nextReportDue
            ? h('div', { class: 'muted' }, `下次报送进展：${s.nextReportDue}`)
            : null,
          s.state === 'open' && s.reportMissing ? h('div', { class: 'days over' }, '未按期报送进展') : null,
          s.state === 'open' && s.milestoneSlipped
            ? h('div', { class: 'days over' }, '前序步骤已逾期')
            : null,
        ),
        h('td', { class: 'actions' }, stepActions(user, c, s, done)),
      ),
    ),
    '没有步骤',
  );
}

function holdsTable(c) {
  const titleOf = (key) => (c.steps.find((s) => s.key === key) || {}).title || LIFTING_STEPS[key] || key;
  return dataTable(
    'kg-holds',
    ['暂停事项', '执行单位', '原因', '条款', '整改到位的标志', '暂停时间', '恢复时间', '状态'],
    c.holds.map((x) =>
      h(
        'tr',
        { 'data-hold': x.kind, 'data-held': String(x.liftedAt === null) },
        h('td', {}, h('b', {}, HOLD_KINDS[x.kind] || x.kind)),
        h('td', {}, unitName(x.unitCode)),
        h('td', {}, x.reason),
        h('td', { class: 'nowrap' }, x.ref),
        h('td', {}, titleOf(x.liftsAtStep)),
        h('td', { class: 'nowrap' }, timeText(x.placedAt)),
        h('td', { class: 'nowrap' }, x.liftedAt ? timeText(x.liftedAt) : '—'),
        h(
          'td',
          {},
          x.liftedAt
            ? h('span', { class: 'chip green' }, '已恢复办理')
            : h('span', { class: 'chip red' }, '暂停办理'),
        ),
      ),
    ),
    '本项目没有暂停办理的事项',
  );
}

/** 住建局 files the completion (竣工验收备案), 自然资源局 lets construction start (开工). */
const PERMIT_ACTIONS = {
  completionFiling: { unit: 'hous', path: 'completion-filing', label: '办理竣工验收备案' },
  constructionStart: { unit: 'natres', path: 'construction-start', label: '办理开工许可' },
};

function permitsCard(permits, user, projectId) {
  if (permits.error) return errorBox(permits.error);
  const result = h('div', { id: 'kg-permit-result' });
  const row = (key, what) => {
    const p = permits[key];
    const act = PERMIT_ACTIONS[key];
    const mine = user.role === 'bureau' && user.unitCode === act.unit;
    const button = mine ? h('button', { type: 'button', 'data-permit': act.path }, act.label) : null;
    if (button)
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await post(`/api/projects/${encodeURIComponent(projectId)}/${act.path}`, {});
          fill(result, h('div', { class: 'ok' }, `${what}已办理（${permits.projectName || projectId}）`));
        } catch (e) {
          fill(result, errorBox(e));
        } finally {
          button.disabled = false;
        }
      });
    return h(
      'tr',
      { 'data-permit-kind': key, 'data-held': String(Boolean(p.held)) },
      h('td', {}, h('b', {}, what)),
      h('td', {}, unitName(p.unitCode)),
      h(
        'td',
        {},
        p.held
          ? h('span', { class: 'chip red' }, '暂停办理')
          : h('span', { class: 'chip green' }, '可以办理'),
      ),
      h('td', {}, p.reason ? `${p.reason}${p.ref ? `（${p.ref}）` : ''}` : '—'),
      h('td', {}, p.caseId ? caseLink(p.caseId) : '—'),
      h('td', {}, button),
    );
  };
  return h(
    'div',
    { class: 'card', id: 'kg-permits' },
    h(
      'p',
      { class: 'muted' },
      `项目编号 ${projectId}${permits.projectName ? ` · ${permits.projectName}` : ''}`,
    ),
    dataTable(
      'kg-permits-table',
      ['事项', '办理单位', '状态', '原因', '个案', '办理'],
      [row('completionFiling', '竣工验收备案'), row('constructionStart', '开工')],
    ),
    result,
  );
}

function timelineList(c, events) {
  const titleOf = (key) => (c.steps.find((s) => s.key === key) || {}).title || key;
  return h(
    'ol',
    { class: 'timeline', id: 'kg-timeline' },
    events.length
      ? events.map((t) =>
          h(
            'li',
            { 'data-fact': t.fact },
            h('time', {}, timeText(t.at)),
            FACTS[t.fact] || t.fact,
            t.step ? `：${titleOf(t.step)}` : '',
            t.actor && (t.actor.userId || t.actor.unitCode)
              ? h(
                  'span',
                  { class: 'muted' },
                  ` · ${[t.actor.unitCode ? unitName(t.actor.unitCode) : '', t.actor.userId || ''].filter(Boolean).join(' ')}`,
                )
              : null,
          ),
        )
      : h('li', { class: 'muted' }, '暂无记录'),
  );
}

function pendingExtensionBox(c) {
  const x = c.pendingExtension;
  if (!x) return null;
  const titles = x.steps.map((k) => (c.steps.find((s) => s.key === k) || {}).title || k);
  return h(
    'div',
    { class: 'error', id: 'kg-pending-extension' },
    `待督查室审批的延期申请：${unitName(x.unitCode)}申请将 ${titles.join('、')} 延至 ${x.requestedDeadline}，` +
      `理由：${x.reason}（${x.requestedBy}，${timeText(x.requestedAt)}）`,
  );
}

export async function kgCasePage(container, ctx, caseId) {
  const { user, isCurrent } = ctx;
  const detail = await get(`/api/cases/${encodeURIComponent(caseId)}`);
  const permits = await get(`/api/projects/${encodeURIComponent(detail.case.projectId)}/permits`).catch(
    (e) => ({ error: e }),
  );
  if (!isCurrent()) return;
  const events = detail.timeline;

  // An action answers with the case after it: shown at once; the timeline and the permits
  // (read models) follow a moment later.
  const done = (next) => {
    render(next, permits);
    for (const ms of [1500, 5000])
      window.setTimeout(() => {
        if (isCurrent()) void kgCasePage(container, ctx, caseId).catch((e) => container.append(errorBox(e)));
      }, ms);
  };

  const render = (c, p) => {
    document.title = `${c.facts.projectName} · 幼儿园治理 · 督办`;
    const f = c.facts;
    const actions = caseActions(user, c, done);
    fill(
      container,
      h('p', {}, h('a', { href: `#/kindergarten${query({ campaign: c.campaignId })}` }, '← 幼儿园治理看板')),
      h(
        'h1',
        { id: 'kg-case-title', 'data-case': c.caseId },
        c.phase === 'closed' ? null : colourChip(c.colour),
        ' ',
        f.projectName,
        ' ',
        phaseChip(c.phase),
      ),
      h(
        'div',
        { class: 'card', id: 'kg-case-facts' },
        factList([
          ['个案编号', c.caseId],
          ['文号', `${c.docNo}（治理工作 ${c.campaignId}）`],
          ['小区项目', f.projectName],
          ['所在镇', f.town],
          ['开发企业', f.developer],
          ['土地性质', TENURES[f.landTenure] || f.landTenure],
          ['规划时间', f.plannedOn],
          ['建成时间', f.builtOn],
          // 三(三): a signed agreement on sold land sets the handover date itself.
          f.handoverAgreedBy ? ['移交协议约定日期', `${f.handoverAgreedBy}（三(三) 按协议约定移交）`] : null,
          ['现状', CONDITIONS[f.condition] || f.condition],
          ['项目状态', PROJECT_STATUSES[f.projectStatus] || f.projectStatus],
          ['整改类别', h('span', { id: 'kg-case-category' }, categoryText(c))],
          ['当前阶段', h('span', { id: 'kg-case-phase', 'data-phase': c.phase }, PHASES[c.phase] || c.phase)],
          ['办园方式', c.operationMode ? OPERATION_MODES[c.operationMode] : null],
          ['预警', c.phase === 'closed' ? '已办结' : colourChip(c.colour)],
          c.redSince ? ['逾期起始', timeText(c.redSince)] : null,
          c.escalatedAt ? ['上报领导小组', timeText(c.escalatedAt)] : null,
          ['建档时间', timeText(c.createdAt)],
          c.closedAt ? ['办结时间', timeText(c.closedAt)] : null,
        ]),
        pendingExtensionBox(c),
        actions.length
          ? h('div', { class: 'toolbar', id: 'kg-case-actions', style: 'margin-top:12px' }, actions)
          : null,
      ),
      h('h2', {}, '办理步骤'),
      h('div', { class: 'card scroll' }, stepsTable(c, user, done)),
      h('h2', {}, '暂停办理（三(一)）'),
      h('div', { class: 'card scroll' }, holdsTable(c)),
      h('h2', {}, '项目许可'),
      permitsCard(p, user, c.projectId),
      (c.deadlineHistory || []).length
        ? [
            h('h2', {}, '期限调整'),
            h(
              'div',
              { class: 'card' },
              h(
                'ul',
                { id: 'kg-deadline-history' },
                c.deadlineHistory.map((d) =>
                  h(
                    'li',
                    {},
                    `${timeText(d.at)}：${(c.steps.find((s) => s.key === d.step) || {}).title || d.step} ${d.previous || '无'} → ${d.deadline}（${d.reason}，${d.byUserId}）`,
                  ),
                ),
              ),
            ),
          ]
        : null,
      h('h2', {}, '时间线'),
      h('div', { class: 'card' }, timelineList(c, events)),
    );
  };
  render(detail.case, permits);
}
