/* global document, window */
// 耕地保护 detail pages, the targets of the inbox links: a town's rectification
// (#/land/rectifications/<id>), its yearly assessment (#/land/assessments/<id>), an
// illegal-occupation case (#/land/cases/<id>) and an occupation request (#/land/occupations/<id>).
import { get, unitName } from '/api.js';
import { landAction, parcelsOf, TARGETS, targetFields, targetsOf } from '../land-actions.js';
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
  PROBLEM_CATEGORIES,
  RECTIFICATION_PHASES,
  RULES,
  STEP_STATES,
  TRANSFER_BODIES,
} from '../land-labels.js';
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

const enc = encodeURIComponent;
const back = () => h('p', {}, h('a', { href: '#/land' }, '← 耕地保护'));
const timelineList = (events) =>
  h(
    'ol',
    { class: 'timeline', id: 'land-timeline' },
    events.length
      ? events.map((t) =>
          h(
            'li',
            { 'data-fact': t.fact },
            h('time', {}, timeText(t.at)),
            t.summary || t.fact,
            t.actor && t.actor.userId ? h('span', { class: 'muted' }, ` · ${t.actor.userId}`) : null,
          ),
        )
      : h('li', { class: 'muted' }, '暂无记录'),
  );

/** Re-renders at once with the action's answer, then reloads for the timeline (a read model). */
function afterAction(container, ctx, kind, id, render) {
  return (answer) => {
    render(answer);
    window.setTimeout(() => {
      if (ctx.isCurrent())
        void landDetailPage(container, ctx, kind, id).catch((e) => container.append(errorBox(e)));
    }, 1500);
  };
}

// ——— 永久基本农田划定整改 (二(二)) ———

function rectificationStepActions(user, r, s, path, done) {
  const out = [];
  const mine = user.role === 'bureau' && user.unitCode === s.unitCode && s.state === 'open';
  const act = (key, label, fields, body, extra = {}) =>
    landAction({
      key,
      label,
      step: s.key,
      title: `${label}：${s.title}`,
      path: `${path}/${key}`,
      fields,
      body,
      done,
      ...extra,
    });
  if (mine) {
    if (['verify', 'rectify', 'zones', 'amend', 'accept'].includes(s.key))
      out.push(
        act(
          'complete-step',
          s.key === 'rectify' ? '整改补划完成' : '办结',
          [{ name: 'note', label: '办理情况（可不填）', type: 'textarea' }],
          (v) => (v.note ? { step: s.key, note: v.note } : { step: s.key }),
        ),
      );
    if (s.key === 'problems')
      out.push(
        act(
          'list-problems',
          '报送问题清单',
          [
            {
              name: 'category',
              label: '问题类别',
              type: 'select',
              options: Object.entries(PROBLEM_CATEGORIES).map(([value, label]) => ({ value, label })),
            },
            { name: 'parcels', label: '图斑（每行：图斑编号 面积亩）', type: 'textarea', required: true },
            { name: 'disposal', label: '分类处置意见', type: 'textarea', required: true },
          ],
          (v) => ({
            problems: [{ category: v.category, parcels: parcelsOf(v.parcels), disposal: v.disposal }],
          }),
        ),
      );
    if (s.key === 'plan')
      out.push(
        act(
          'submit-plan',
          '报送整改补划方案',
          [
            { name: 'summary', label: '方案摘要', type: 'textarea', required: true },
            { name: 'supplementaryMu', label: '补划面积（亩）', type: 'number', required: true },
          ],
          (v) => ({ summary: v.summary, supplementaryMu: Number(v.supplementaryMu) }),
        ),
      );
    if (s.key === 'review') {
      out.push(
        act(
          'review-plan',
          '审查通过',
          [{ name: 'reason', label: '审查意见', type: 'textarea', required: true, value: '方案可行，同意' }],
          (v) => ({
            decision: 'approve',
            reason: v.reason,
          }),
        ),
        landAction({
          key: 'return-plan',
          label: '退回修改',
          step: s.key,
          path: `${path}/review-plan`,
          fields: [{ name: 'reason', label: '退回理由', type: 'textarea', required: true }],
          body: (v) => ({ decision: 'return', reason: v.reason }),
          done,
        }),
      );
    }
    if (!s.extensionRequest)
      out.push(
        act(
          'request-extension',
          '申请延期',
          [
            { name: 'newDeadline', label: '申请延至', type: 'date', required: true },
            { name: 'reason', label: '延期理由', type: 'textarea', required: true },
          ],
          (v) => ({ step: s.key, newDeadline: v.newDeadline, reason: v.reason }),
        ),
      );
  }
  if (user.role === 'inspector' && s.extensionRequest) {
    const decide = (approve, label) =>
      landAction({
        key: approve ? 'approve-extension' : 'refuse-extension',
        label,
        step: s.key,
        path: `${path}/decide-extension`,
        fields: [
          {
            name: 'reason',
            label: '审批意见',
            type: 'textarea',
            required: true,
            value: approve ? '同意延期' : '',
          },
        ],
        body: (v) => ({ step: s.key, approve, reason: v.reason }),
        done,
      });
    out.push(decide(true, '同意延期'), decide(false, '不同意延期'));
  }
  return out;
}

async function rectificationPage(container, ctx, id) {
  const { rectification: first, timeline } = await get(`/api/land/rectifications/${enc(id)}`);
  if (!ctx.isCurrent()) return;
  const path = `/api/land/rectifications/${enc(id)}/actions`;
  const today = todayShanghai();
  const render = (r) => {
    const done = afterAction(container, ctx, 'rectifications', id, render);
    document.title = `${r.townName}永久基本农田整改 · 督办`;
    fill(
      container,
      back(),
      h(
        'h1',
        { 'data-phase': r.phase },
        r.phase === 'closed' ? chip('整改完成', 'green') : colourChip(r.colour),
        ` ${r.townName} · 永久基本农田划定成果整改`,
      ),
      h(
        'div',
        { class: 'card' },
        factList([
          ['文号 / 条款', `${r.docNo} ${r.ref}`],
          ['整改工作', r.campaignId],
          ['当前阶段', h('span', { id: 'land-phase' }, RECTIFICATION_PHASES[r.phase] || r.phase)],
          ['问题图斑面积', mu(r.problemAreaMu)],
          [
            '整改补划方案',
            r.plan
              ? `${r.plan.summary}（补划 ${mu(r.plan.supplementaryMu)}，第 ${r.plan.round} 稿，${r.plan.submittedBy}）`
              : null,
          ],
          r.redSince ? ['逾期起始', timeText(r.redSince)] : null,
          r.closedAt ? ['完成时间', timeText(r.closedAt)] : null,
        ]),
      ),
      h('h2', {}, '整改步骤'),
      h(
        'div',
        { class: 'card scroll' },
        dataTable(
          'land-steps',
          ['步骤', '条款', '责任单位', '期限', '剩余/逾期', '预警', '状态', '办理情况', '操作'],
          r.steps.map((s) =>
            h(
              'tr',
              { 'data-step': s.key, 'data-state': s.state },
              h('td', {}, s.title),
              h('td', { class: 'nowrap' }, s.ref),
              h(
                'td',
                {},
                unitName(s.unitCode),
                s.withUnits.length
                  ? h('div', { class: 'muted small' }, `会同 ${s.withUnits.map(unitName).join('、')}`)
                  : null,
              ),
              h(
                'td',
                { class: 'nowrap' },
                s.deadline,
                s.originalDeadline !== s.deadline
                  ? h('div', { class: 'muted small' }, `原定 ${s.originalDeadline}`)
                  : null,
              ),
              h(
                'td',
                { class: 'nowrap' },
                s.state === 'done' ? '—' : daysText(daysFromToday(s.deadline, today)),
              ),
              h('td', {}, s.state === 'done' ? '—' : colourChip(s.colour)),
              h('td', {}, chip(STEP_STATES[s.state] || s.state, s.state === 'done' ? 'green' : 'state')),
              h(
                'td',
                { class: 'small' },
                s.state === 'done' ? `${s.doneBy || ''} ${timeText(s.doneAt)}` : null,
                s.note ? h('div', { class: 'muted' }, s.note) : null,
                s.extensionRequest
                  ? h(
                      'div',
                      { class: 'days over' },
                      `延期申请：延至 ${s.extensionRequest.newDeadline}（${s.extensionRequest.reason}，${s.extensionRequest.requestedBy}）`,
                    )
                  : null,
              ),
              h('td', { class: 'actions' }, rectificationStepActions(ctx.user, r, s, path, done)),
            ),
          ),
          '没有步骤',
        ),
      ),
      h('h2', {}, '问题清单'),
      h(
        'div',
        { class: 'card' },
        dataTable(
          'land-problems',
          ['类别', '图斑', '面积', '分类处置意见'],
          r.problems.map((p) =>
            h(
              'tr',
              {},
              h('td', {}, PROBLEM_CATEGORIES[p.category] || p.category),
              h('td', {}, p.parcels.map((x) => `${x.parcelNo}（${mu(x.areaMu)}）`).join('、')),
              h('td', {}, mu(p.areaMu)),
              h('td', {}, p.disposal),
            ),
          ),
          '尚未报送问题清单',
        ),
        r.reviews.length
          ? h(
              'ul',
              { id: 'land-reviews' },
              r.reviews.map((v) =>
                h(
                  'li',
                  {},
                  `第 ${v.round} 稿方案：${v.decision === 'approved' ? '审查通过' : '退回修改'}（${v.reason}，${v.by}，${timeText(v.at)}）`,
                ),
              ),
            )
          : null,
      ),
      h('h2', {}, '时间线'),
      h('div', { class: 'card' }, timelineList(timeline)),
    );
  };
  render(first);
}

// ——— 耕地保护责任目标考核 (三(十)) ———

// The open step's unit acts; the 市政府's step (考核评定, 三(十)) is the inspector's (督查室).
const actsOn = (user, step) =>
  step.unitCode === 'gov-inspection'
    ? user.role === 'inspector'
    : user.role === 'bureau' && user.unitCode === step.unitCode;

function assessmentActions(user, a, path, done) {
  const step = a.openStep;
  if (!step || !actsOn(user, step)) return [];
  const act = (key, label, fields, body) =>
    landAction({
      key,
      label,
      title: `${label}：${a.townName} ${a.year}年`,
      path: `${path}/${key}`,
      fields,
      body,
      done,
      primary: true,
    });
  switch (a.phase) {
    case 'reporting':
      return [
        act(
          'report',
          '报送完成情况',
          [...targetFields(), { name: 'note', label: '说明（可不填）', type: 'textarea' }],
          (v) => (v.note ? { actuals: targetsOf(v), note: v.note } : { actuals: targetsOf(v) }),
        ),
      ];
    case 'assessing':
      return [
        act(
          'assess',
          '考核评定',
          [
            { name: 'rectificationDeadline', label: '整改期限（未完成目标时必填）', type: 'date' },
            { name: 'note', label: '考核意见（可不填）', type: 'textarea' },
          ],
          (v) => ({
            ...(v.rectificationDeadline ? { rectificationDeadline: v.rectificationDeadline } : {}),
            ...(v.note ? { note: v.note } : {}),
          }),
        ),
        // 通报表彰 is the city's own decision (三(十)), only on assessments the city decides.
        step.unitCode === 'gov-inspection'
          ? landAction({
              key: 'commend',
              label: '通报表彰',
              title: `通报表彰：${a.townName} ${a.year}年（措施得力、成效突出）`,
              path: `${path}/commend`,
              fields: [
                {
                  name: 'reason',
                  label: '表彰理由（措施得力、成效突出的事实）',
                  type: 'textarea',
                  required: true,
                },
              ],
              body: (v) => ({ reason: v.reason }),
              done,
            })
          : null,
      ].filter(Boolean);
    case 'rectifying':
      return [
        act(
          'report-rectification',
          '报送整改情况',
          [
            ...targetFields(a.actuals || {}),
            { name: 'note', label: '整改情况', type: 'textarea', required: true },
          ],
          (v) => ({ actuals: targetsOf(v), note: v.note }),
        ),
      ];
    case 'verifying':
      return [
        act(
          'verify-rectification',
          '核查通过',
          [{ name: 'note', label: '核查意见', type: 'textarea', required: true }],
          (v) => ({ decision: 'pass', note: v.note }),
        ),
        landAction({
          key: 'fail-rectification',
          label: '核查不通过',
          path: `${path}/verify-rectification`,
          fields: [{ name: 'note', label: '不通过的理由', type: 'textarea', required: true }],
          body: (v) => ({ decision: 'fail', note: v.note }),
          done,
        }),
      ];
    default:
      return [];
  }
}

async function assessmentPage(container, ctx, id) {
  const { assessment: first, timeline } = await get(`/api/land/assessments/${enc(id)}`);
  if (!ctx.isCurrent()) return;
  const path = `/api/land/assessments/${enc(id)}/actions`;
  const render = (a) => {
    const done = afterAction(container, ctx, 'assessments', id, render);
    document.title = `${a.townName}${a.year}年耕地保护考核 · 督办`;
    const shortfall = new Map(((a.result && a.result.shortfalls) || []).map((s) => [s.target, s]));
    const actions = assessmentActions(ctx.user, a, path, done);
    fill(
      container,
      back(),
      h(
        'h1',
        { 'data-phase': a.phase },
        colourChip(a.colour),
        ` ${a.townName} · ${a.year}年耕地保护责任目标考核`,
      ),
      h(
        'div',
        { class: 'card' },
        factList([
          ['文号 / 条款', `${a.docNo} ${a.ref}`],
          ['阶段', h('span', { id: 'land-phase' }, ASSESSMENT_PHASES[a.phase] || a.phase)],
          ['报送期限', a.reportDeadline],
          [
            '考核结果',
            a.result
              ? [
                  chip(OUTCOMES[a.result.outcome], a.result.outcome === 'criticised' ? 'red' : 'green'),
                  ' ',
                  a.result.summary,
                ]
              : null,
          ],
          a.result
            ? [
                '考核单位',
                h(
                  'span',
                  { id: 'land-assessors' },
                  `${a.result.leadUnit ? `市政府（${unitName(a.result.leadUnit)}）` : unitName('natres')}；参与：${a.result.assessors
                    .filter((u) => u !== 'natres' || a.result.leadUnit)
                    .map(unitName)
                    .join('、')}`,
                ),
              ]
            : null,
          ['整改期限', a.rectificationDeadline],
          [
            '土地管理业务',
            a.suspension && !a.suspension.liftedAt
              ? [chip('暂停办理', 'red'), ` ${a.suspension.reason}`]
              : a.suspension
                ? chip(`已于 ${timeText(a.suspension.liftedAt)} 恢复`, 'green')
                : chip('正常', 'green'),
          ],
          a.escalatedAt
            ? ['问责', h('span', { class: 'days over' }, `整改逾期，${timeText(a.escalatedAt)} 提请问责`)]
            : null,
          a.openStep
            ? [
                '待办',
                `${a.openStep.title}（${unitName(a.openStep.unitCode)}${a.openStep.deadline ? `，期限 ${a.openStep.deadline}` : ''}）`,
              ]
            : null,
        ]),
        actions.length
          ? h('div', { class: 'toolbar', id: 'land-actions', style: 'margin-top:12px' }, actions)
          : null,
      ),
      h('h2', {}, '目标与完成情况'),
      h(
        'div',
        { class: 'card' },
        dataTable(
          'land-targets',
          ['指标', '目标', '完成', '差额'],
          Object.entries(TARGETS).map(([k, label]) =>
            h(
              'tr',
              { 'data-target': k },
              h('td', {}, label.replace('（亩）', '')),
              h('td', {}, mu(a.targets[k])),
              h('td', {}, a.actuals ? mu(a.actuals[k]) : '待报送'),
              h(
                'td',
                {},
                shortfall.has(k)
                  ? h('span', { class: 'days over' }, `差 ${mu(shortfall.get(k).shortfallMu)}`)
                  : a.result
                    ? '达标'
                    : '—',
              ),
            ),
          ),
          '',
        ),
        a.rectificationReports.length
          ? h(
              'ul',
              {},
              a.rectificationReports.map((x) =>
                h(
                  'li',
                  {},
                  `${timeText(x.at)} 整改报送：${x.note}（${x.by}）`,
                  x.verdict !== 'pending'
                    ? ` — ${x.verdict === 'passed' ? '核查通过' : '核查不通过'}${x.verdictNote ? `：${x.verdictNote}` : ''}`
                    : '',
                ),
              ),
            )
          : null,
      ),
      h('h2', {}, '时间线'),
      h('div', { class: 'card' }, timelineList(timeline)),
    );
  };
  render(first);
}

// ——— 违法占地案件 (二(七)) ———

const CASE_ACTIONS = {
  registered: { key: 'investigate', label: '调查取证完成', field: 'note', fieldLabel: '调查情况' },
  investigated: { key: 'decide', label: '作出处罚决定', field: 'decision', fieldLabel: '处罚决定' },
  decided: { key: 'rectify', label: '整改复耕完成', field: 'note', fieldLabel: '整改复耕情况' },
  rectified: { key: 'close', label: '结案', field: 'note', fieldLabel: '结案意见（可不填）', optional: true },
};

async function casePage(container, ctx, id) {
  const { case: first, timeline } = await get(`/api/land/cases/${enc(id)}`);
  if (!ctx.isCurrent()) return;
  const path = `/api/land/cases/${enc(id)}/actions`;
  const natres = ctx.user.role === 'bureau' && ctx.user.unitCode === 'natres';
  const render = (c) => {
    const done = afterAction(container, ctx, 'cases', id, render);
    const next = CASE_ACTIONS[c.step];
    const actions = [];
    if (natres && next)
      actions.push(
        landAction({
          key: next.key,
          label: next.label,
          primary: true,
          path: `${path}/${next.key}`,
          fields: [{ name: next.field, label: next.fieldLabel, type: 'textarea', required: !next.optional }],
          body: (v) => (v[next.field] ? { [next.field]: v[next.field] } : {}),
          ok: () => `已记录：${next.label}`,
          done,
        }),
      );
    if (natres && c.step !== 'registered' && c.step !== 'closed')
      actions.push(
        landAction({
          key: 'transfer',
          label: '移送',
          path: `${path}/transfer`,
          fields: [
            {
              name: 'to',
              label: '移送机关',
              type: 'select',
              options: Object.entries(TRANSFER_BODIES).map(([value, label]) => ({ value, label })),
            },
            { name: 'reason', label: '移送理由', type: 'textarea', required: true },
          ],
          body: (v) => ({ to: v.to, reason: v.reason }),
          done,
        }),
      );
    // 二(七) 严肃查处……重大典型案件，并予以曝光: after the 处罚决定, before 结案 (cases opened since the step).
    if (natres && c.exposureRequired && !c.exposure && (c.step === 'decided' || c.step === 'rectified'))
      actions.push(
        landAction({
          key: 'expose',
          label: '曝光',
          title: '曝光重大典型违法案件（青政办发〔2019〕28号 二(七)）',
          path: `${path}/expose`,
          fields: [
            { name: 'channel', label: '曝光渠道（媒体、网站）', required: true },
            { name: 'summary', label: '曝光内容', type: 'textarea', required: true },
          ],
          body: (v) => ({ channel: v.channel, summary: v.summary }),
          ok: () => '已记录：曝光',
          done,
        }),
      );
    document.title = `违法占地案件 ${c.caseId} · 督办`;
    fill(
      container,
      back(),
      h(
        'h1',
        { 'data-step': c.step },
        c.step === 'closed' ? chip('已结案', 'green') : colourChip(c.colour),
        ` 违法占地案件 ${c.caseId}`,
        c.major ? [' ', chip('挂牌督办', 'red')] : null,
      ),
      h(
        'div',
        { class: 'card' },
        factList([
          ['文号', c.docNo],
          ['镇(场)', c.townName || unitName(c.facts.townCode)],
          ['地块', c.facts.parcelNo],
          ['面积', mu(c.facts.areaMu)],
          ['地类', LAND_KINDS[c.facts.landKind] || c.facts.landKind],
          ['当事人', c.facts.party],
          ['发现日期', c.facts.foundOn],
          ['情况', c.facts.description],
          ['已办到', h('span', { id: 'land-case-step' }, CASE_STEPS[c.step] || c.step)],
          ['下一步', NEXT_CASE_STEP[c.step] || '—'],
          ['办理期限', c.deadline],
          c.major ? ['重大典型', c.majorReason] : null,
          c.exposureRequired
            ? [
                '曝光',
                c.exposure
                  ? `${c.exposure.channel}：${c.exposure.summary}（${timeText(c.exposure.at)}）`
                  : '待曝光（二(七)：重大典型案件作出处罚决定后予以曝光，曝光后方能结案）',
              ]
            : null,
          ['处罚决定', c.decision],
          [
            '移送',
            c.transfers.length
              ? c.transfers.map((t) => `${t.bodyName}（${t.reason}，${timeText(t.at)}）`).join('；')
              : null,
          ],
        ]),
        actions.length
          ? h('div', { class: 'toolbar', id: 'land-actions', style: 'margin-top:12px' }, actions)
          : null,
      ),
      h('h2', {}, '办理经过'),
      h(
        'div',
        { class: 'card' },
        dataTable(
          'land-case-history',
          ['步骤', '时间', '经办', '情况'],
          c.history.map((x) =>
            h(
              'tr',
              { 'data-step': x.step },
              h('td', {}, CASE_STEPS[x.step] || x.step),
              h('td', {}, timeText(x.at)),
              h('td', {}, x.by),
              h('td', {}, x.note || ''),
            ),
          ),
          '尚无',
        ),
      ),
      h('h2', {}, '时间线'),
      h('div', { class: 'card' }, timelineList(timeline)),
    );
  };
  render(first);
}

// ——— 建设占用耕地 / 临时用地 (二(三)) ———

async function occupationPage(container, ctx, id) {
  const o = await get(`/api/land/occupations/${enc(id)}`);
  if (!ctx.isCurrent()) return;
  const natres = ctx.user.role === 'bureau' && ctx.user.unitCode === 'natres';
  const reclaim =
    natres && o.kind === 'temporary' && o.state === 'approved'
      ? landAction({
          key: 'confirm-reclamation',
          label: '复垦验收',
          primary: true,
          path: `/api/land/reclamations/${enc(id)}/confirm`,
          fields: [{ name: 'note', label: '验收意见（可不填）', type: 'textarea' }],
          body: (v) => (v.note ? { note: v.note } : {}),
          done: () => void occupationPage(container, ctx, id),
        })
      : null;
  document.title = `用地 ${o.occupationId} · 督办`;
  fill(
    container,
    back(),
    h('h1', { 'data-state': o.state }, `${KINDS[o.kind] || o.kind} ${o.occupationId} · ${o.project}`),
    h(
      'div',
      { class: 'card' },
      factList([
        ['镇(场)', o.townName || unitName(o.townCode)],
        ['面积', mu(o.areaMu)],
        ['耕地质量等别', `${o.grade} 等`],
        ['项目级别', KEY_LEVELS[o.keyLevel] || o.keyLevel],
        [
          '状态',
          chip(
            OCCUPATION_STATES[o.state] || o.state,
            o.state === 'refused' ? 'red' : o.state === 'queued' ? 'blue' : 'green',
          ),
        ],
        o.refusal
          ? [
              '不予批准的依据',
              `${RULES[o.refusal.rule] || o.refusal.rule}：${o.refusal.reason}（差 ${mu(o.refusal.shortfallMu)}）`,
            ]
          : null,
        o.consumed.length
          ? ['占补地块', o.consumed.map((c) => `${c.parcelNo} ${mu(c.areaMu)}（${c.grade} 等）`).join('、')]
          : null,
        o.reclamation
          ? [
              '复垦',
              `期限 ${o.reclamation.deadline}${o.reclamation.reclaimedAt ? `，${timeText(o.reclamation.reclaimedAt)} 已验收` : ''}`,
            ]
          : null,
        ['申请', `${o.filedBy} ${timeText(o.filedAt)}`],
        ['决定时间', timeText(o.decidedAt)],
      ]),
      reclaim ? h('div', { class: 'toolbar', style: 'margin-top:12px' }, reclaim) : null,
    ),
  );
}

const PAGES = {
  rectifications: rectificationPage,
  assessments: assessmentPage,
  cases: casePage,
  occupations: occupationPage,
};

export function landDetailPage(container, ctx, kind, id) {
  const page = PAGES[kind];
  if (!page) throw new Error('没有这个页面');
  return page(container, ctx, id);
}
