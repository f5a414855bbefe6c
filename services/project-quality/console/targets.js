// 项目建设's two smaller tables: the 2019 targets of 一 against their values through the year (with
// 统计局's growth input, 一(一)), and the week's dispatch of the projects due to start by the end of
// March (四(二) 强化项目调度).
import { post, unitName } from '/api.js';
import { h, toast } from '/ui.js';
import { COMPARISON } from './indicators.js';

const MET = { true: '达标', false: '未达标' };

/** 一's targets: target with its comparison (以上 includes the number), value now, basis, met. */
export function targetsSection(targets, me, done) {
  return h(
    'section',
    {},
    h('h2', {}, '2019年主要目标（一）'),
    h(
      'table',
      { id: 'pq-targets' },
      h('tr', {}, ...['条款', '目标', '要求', '当前', '依据', '情况'].map((t) => h('th', {}, t))),
      ...targets.map((t) =>
        h(
          'tr',
          { 'data-target': t.key },
          h('td', {}, t.ref),
          h('td', { title: t.quote }, t.label),
          h('td', {}, `${COMPARISON[t.comparison] ?? t.comparison} ${t.target}${t.unit}`),
          h('td', {}, t.value === null ? '—' : `${t.value}${t.unit}`),
          h('td', {}, t.basis),
          h(
            'td',
            { 'data-met': String(t.met) },
            MET[String(t.met)] ?? (t.key === 'growth' ? '待统计局报送' : '暂无数据'),
          ),
        ),
      ),
    ),
    me.unitCode === 'stats' ? growthForm(done) : null,
  );
}

/** 统计局 gives 一(一)'s growth (our reading: 40号 names no unit for it) with its period and source. */
function growthForm(done) {
  const value = h('input', { id: 'pq-growth-value', type: 'number', step: '0.1' });
  const asOf = h('input', { id: 'pq-growth-asof', type: 'date' });
  const source = h('input', { id: 'pq-growth-source', type: 'text', placeholder: '数据来源' });
  return h(
    'p',
    {},
    '固定资产投资增速（%）',
    value,
    ' 统计期截至 ',
    asOf,
    ' ',
    source,
    h(
      'button',
      {
        id: 'pq-growth-send',
        onclick: async () => {
          try {
            await post('/api/project-quality/targets/2019/growth', {
              value: Number(value.value),
              asOf: asOf.value,
              source: source.value,
            });
            toast('已报送投资增速');
            await done();
          } catch (e) {
            toast(e.message, true);
          }
        },
      },
      '报送',
    ),
  );
}

/** 四(二): the week's dispatch meeting, projects not yet started first (first half of the year only). */
export function dispatchSection(dispatch) {
  if (!dispatch.projects.length) return null;
  return h(
    'section',
    {},
    h('h2', {}, `每周项目调度（四(二)，${dispatch.week} 当周）`),
    h(
      'ul',
      { id: 'pq-dispatch' },
      dispatch.projects.map((p) =>
        h(
          'li',
          { 'data-project': p.projectId },
          `${p.name}（${unitName(p.unitCode)}，${p.leader}，计划开工 ${p.plannedStart}）：${p.started ? '已开工' : '未开工'}`,
        ),
      ),
    ),
  );
}
