/* global document */
// 指标: the indicators of every document with numbers (65号's 2020 targets, 30号's 2018–2022 table, 40号's
// goals), each with its unit, target, comparison, year and lead unit; the reported value, met or missed,
// and a trend per indicator across its years.
import { get, post, session, unitName } from '/api.js';
import { fill, h, toast } from '/ui.js';

export const COMPARISON = {
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
  eq: '达到',
  'reduce-by': '下降',
  'increase-by': '增长',
  approx: '约',
};
const STANDING = { green: '未到报送期', blue: '临近报送', red: '逾期未报', missed: '未达标' };

export async function indicatorsPage(container) {
  const me = session()?.user ?? {};
  const render = async () => {
    const list = await get('/api/project-quality/indicators');
    const byName = new Map();
    for (const i of list)
      byName.set(`${i.docNo}|${i.name}`, [...(byName.get(`${i.docNo}|${i.name}`) ?? []), i]);
    fill(
      container,
      h('h1', {}, '指标（由公报导入）'),
      h(
        'p',
        {},
        `共 ${list.length} 项；已报送 ${list.filter((i) => i.value !== null).length} 项，未达标 ${list.filter((i) => i.met === false).length} 项。`,
      ),
      h(
        'table',
        { id: 'indicators' },
        h(
          'tr',
          {},
          ['文件', '条款', '指标', '目标', '年份', '牵头单位', '报送值', '来源', '达标', '走势'].map((t) =>
            h('th', {}, t),
          ),
        ),
        list.map((i) =>
          h(
            'tr',
            { 'data-indicator': i.id },
            h('td', {}, i.docNo),
            h('td', {}, i.ref),
            h('td', {}, i.name),
            h('td', {}, `${COMPARISON[i.comparison] ?? i.comparison} ${i.target}${i.unit}`),
            h('td', {}, i.year),
            h('td', {}, unitName(i.unitCode)),
            h('td', {}, i.value ?? (i.leadUnits.includes(me.unitCode) ? reportInput(i, render) : '')),
            h('td', {}, i.source ?? ''),
            h(
              'td',
              { 'data-met': String(i.met) },
              i.met === null ? STANDING[i.colour] : i.met ? '达标' : '未达标',
            ),
            h('td', {}, trend(byName.get(`${i.docNo}|${i.name}`))),
          ),
        ),
      ),
    );
  };
  await render();
}

function reportInput(i, done) {
  const value = h('input', { type: 'number', step: 'any', class: 'ind-value', size: 6 });
  const source = h('input', { type: 'text', class: 'ind-source', placeholder: '数据来源', size: 10 });
  return h(
    'span',
    {},
    value,
    source,
    h(
      'button',
      {
        onclick: async () => {
          const r = await post(`/api/project-quality/indicators/${encodeURIComponent(i.id)}/reports`, {
            value: Number(value.value),
            source: source.value,
          });
          toast(r.met ? '已报送：达标' : '已报送：未达标', !r.met);
          await done();
        },
      },
      '报送',
    ),
  );
}

/** A small bar per year: the target, and the reported value where there is one. */
function trend(series) {
  if (!series || series.length < 2) return '';
  const max = Math.max(...series.map((s) => Math.max(s.target, s.value ?? 0))) || 1;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(series.length * 14));
  svg.setAttribute('height', '30');
  series.forEach((s, n) => {
    for (const [v, colour, dx] of [
      [s.target, '#bbb', 0],
      [s.value, s.met ? '#52c41a' : '#cf1322', 6],
    ]) {
      if (v === null || v === undefined) continue;
      const bar = document.createElementNS(ns, 'rect');
      const height = Math.max(1, (28 * v) / max);
      bar.setAttribute('x', String(n * 14 + dx));
      bar.setAttribute('y', String(30 - height));
      bar.setAttribute('width', '5');
      bar.setAttribute('height', String(height));
      bar.setAttribute('fill', colour);
      svg.append(bar);
    }
  });
  return svg;
}
