/* global window, echarts */
// 逾期预测 (issue 22): at a pace per unit, when each milestone of a document would be done, which
// would turn red and when; a unit slower or faster, at a knob's turn. Computed, never saved.
import { COLOUR_HEX, get, query, unitName } from '/api.js';
import { errorBox, h } from '/ui.js';

let chart = null;
window.addEventListener('resize', () => chart && chart.resize());

/** Each milestone as a bar from its date to the day it would be done (red when after the date). */
function timeline(el, forecast) {
  if (typeof echarts === 'undefined') return;
  if (chart) chart.dispose();
  chart = echarts.init(el);
  const rows = forecast.items.flatMap((i) =>
    i.milestones.map((m) => ({ label: `${i.ref} ${m.key}`, item: i, m })),
  );
  const day = (d) => Date.parse(`${d}T00:00:00+08:00`);
  chart.setOption({
    animation: false,
    tooltip: {
      formatter: (p) => {
        const r = rows[p.dataIndex];
        return (
          `${r.item.ref} ${r.item.title}<br>节点 ${r.m.date} · 预计完成 ${r.m.doneOn}` +
          (r.m.lateDays ? `<br>逾期 ${r.m.lateDays} 天（${r.m.redFrom} 起红色）` : '')
        );
      },
    },
    legend: { top: 0, data: ['期限', '预计完成'] },
    grid: { left: 8, right: 24, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'time' },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
    series: [
      {
        name: '期限',
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 12,
        itemStyle: { color: '#595959' },
        data: rows.map((r, i) => [day(r.m.date), i]),
      },
      {
        name: '预计完成',
        type: 'scatter',
        symbolSize: 10,
        data: rows.map((r, i) => ({
          value: [day(r.m.doneOn), i],
          itemStyle: {
            color: r.m.lateDays ? COLOUR_HEX.red : r.m.blueFrom ? COLOUR_HEX.blue : COLOUR_HEX.green,
          },
        })),
      },
    ],
  });
}

export async function renderForecast(container, ctx) {
  const { params } = ctx;
  const docNo = params.get('docNo') || '青政办发〔2019〕31号';
  const input = (name, value, attrs = {}) => h('input', { name, value: value ?? '', ...attrs });
  const form = h(
    'form',
    { class: 'row' },
    h('label', {}, '文号', input('docNo', docNo, { required: true })),
    h('label', {}, '起算日', input('startOn', params.get('startOn'), { type: 'date' })),
    h('label', {}, '每节点工作日', input('days', params.get('days'), { type: 'number', min: 1, max: 250 })),
    h('label', {}, '试算单位（代码）', input('unit', params.get('unit'))),
    h(
      'label',
      {},
      '慢（+）/快（−）工作日',
      input('slowerDays', params.get('slowerDays'), { type: 'number' }),
    ),
    h('button', { type: 'submit', class: 'primary' }, '预测'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new window.FormData(form));
    window.location.hash = `#/forecast${query(values)}`;
  });
  const chartEl = h('div', { class: 'chart', style: 'height: 420px' });
  const summary = h('div', {});
  container.replaceChildren(h('h1', {}, '逾期预测'), h('div', { class: 'card' }, form), summary, chartEl);
  try {
    const forecast = await get(
      `/api/forecast${query({
        docNo,
        startOn: params.get('startOn') || undefined,
        days: params.get('days') || undefined,
        unit: params.get('unit') || undefined,
        slowerDays: params.get('slowerDays') || undefined,
      })}`,
    );
    summary.replaceChildren(
      h('p', {}, `自 ${forecast.startOn} 起，每个节点 ${forecast.days} 个工作日：`),
      forecast.lateUnits.length
        ? h(
            'ul',
            {},
            forecast.lateUnits.map((u) =>
              h('li', {}, `${unitName(u.unit)}：${u.lateMilestones} 个节点将逾期`),
            ),
          )
        : h('p', {}, '按此步速，没有节点逾期。'),
    );
    timeline(chartEl, forecast);
  } catch (e) {
    summary.replaceChildren(errorBox(e));
  }
}
