/* global window, echarts */
// 逾期预测 (issue 22): the document's open items run by their own supervision workflows on a
// time-skipping server of their own (POST /api/forecast, in the background), simulated units
// working at their measured or default pace; the page polls the run and draws when each milestone
// would be done and which would turn blue or red, beside the what-if (a unit slower or faster, an
// extension granted). Nothing of it is saved. GET /api/forecast (the calendar estimate) stays for
// callers that want an answer at once; this page shows the simulation.
import { COLOUR_HEX, get, post, query, unitName, unitNames } from '/api.js';
import { dataTable, errorBox, h } from '/ui.js';

const POLL_MS = 1000;
let chart = null;
window.addEventListener('resize', () => chart && chart.resize());

/** One row per milestone (per item of one date: its deadline), from one scenario's items. */
function rowsOf(scenario) {
  return scenario.items.flatMap((i) =>
    i.milestones.length
      ? i.milestones.map((m) => ({ key: `${i.itemId} ${m.key}`, label: `${i.ref} ${m.key}`, item: i, ...m }))
      : [
          {
            key: `${i.itemId} deadline`,
            label: `${i.ref} 期限`,
            item: i,
            date: i.deadline,
            doneOn: i.predictedCompletion,
            blueFrom: i.blueFrom,
            redFrom: i.redFrom,
          },
        ],
  );
}

const colourOf = (r) => (r.redFrom ? COLOUR_HEX.red : r.blueFrom ? COLOUR_HEX.blue : COLOUR_HEX.green);

/** The document's timeline: each milestone's date, the day it would be done, and under the what-if. */
function timeline(el, base, whatIf) {
  if (typeof echarts === 'undefined') return;
  if (chart) chart.dispose();
  chart = echarts.init(el);
  const rows = rowsOf(base);
  const other = whatIf ? new Map(rowsOf(whatIf).map((r) => [r.key, r])) : new Map();
  const day = (d) => Date.parse(`${d}T00:00:00+08:00`);
  const point = (r, i) => ({ value: [day(r.doneOn), i], itemStyle: { color: colourOf(r) } });
  chart.setOption({
    animation: false,
    tooltip: {
      formatter: (p) => {
        const r = rows[p.value[1]];
        const w = other.get(r.key);
        return (
          `${r.item.ref} ${r.item.title}<br>节点 ${r.date} · 预计完成 ${r.doneOn ?? '—'}` +
          (r.blueFrom ? `<br>${r.blueFrom} 起临期` : '') +
          (r.redFrom ? `<br>${r.redFrom} 起逾期` : '') +
          (w
            ? `<br>设想：节点 ${w.date} · 完成 ${w.doneOn ?? '—'}${w.redFrom ? ` · ${w.redFrom} 起逾期` : ''}`
            : '')
        );
      },
    },
    legend: { top: 0, data: ['期限', '预计完成', ...(whatIf ? ['设想下完成'] : [])] },
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
        data: rows.map((r, i) => [day(r.date), i]),
      },
      {
        name: '预计完成',
        type: 'scatter',
        symbolSize: 10,
        data: rows.flatMap((r, i) => (r.doneOn ? [point(r, i)] : [])),
      },
      ...(whatIf
        ? [
            {
              name: '设想下完成',
              type: 'scatter',
              symbol: 'emptyCircle',
              symbolSize: 12,
              data: rows.flatMap((r, i) => {
                const w = other.get(r.key);
                return w && w.doneOn ? [point(w, i)] : [];
              }),
            },
          ]
        : []),
    ],
  });
}

function lateList(title, scenario) {
  return h(
    'div',
    { class: 'card' },
    h('h3', {}, title),
    scenario.lateUnits.length
      ? h(
          'ul',
          {},
          scenario.lateUnits.map((u) =>
            h(
              'li',
              {},
              `${unitName(u.unit)}：`,
              u.lateItems
                .map((id) => scenario.items.find((i) => i.itemId === id))
                .map((i) => `${i.ref} ${i.title}（${i.redFrom} 起逾期）`)
                .join('；'),
            ),
          ),
        )
      : h('p', {}, '没有事项逾期。'),
  );
}

const tr = (cells) =>
  h(
    'tr',
    {},
    cells.map((c) => h('td', {}, c)),
  );

function loadTable(scenario) {
  return dataTable(
    'forecast-load',
    ['周（周一）', '单位', '完成的步骤'],
    scenario.load.map((l) => tr([l.week, unitName(l.unit), String(l.steps)])),
    '没有步骤',
  );
}

function durationsTable(result) {
  return dataTable(
    'forecast-durations',
    ['单位', '步骤', '工作日', '来源'],
    result.durations.map((d) =>
      tr([
        unitName(d.unit),
        d.kind === 'step' ? '牵头：到下一个节点' : '配合任务',
        String(d.days),
        d.source === 'measured'
          ? `已办结事项的中位数（${d.samples} 个）`
          : '默认（政策参数 forecast.step-working-days）',
      ]),
    ),
    '—',
  );
}

function knobsOf(params) {
  const slowerUnit = params.get('slowerUnit');
  const slowerDays = Number(params.get('slowerDays') || 0);
  const extensionOf = params.get('extensionOf');
  const extensionDays = Number(params.get('extensionDays') || 0);
  const whatIf = {};
  if (slowerUnit && slowerDays) whatIf.slower = [{ unit: slowerUnit, days: slowerDays }];
  if (extensionOf && extensionDays > 0) {
    const target =
      extensionOf.includes('.') || extensionOf.includes('-')
        ? { itemId: extensionOf }
        : { unit: extensionOf };
    whatIf.extensions = [{ ...target, days: extensionDays }];
  }
  return Object.keys(whatIf).length ? whatIf : undefined;
}

export async function renderForecast(container, ctx) {
  const { params } = ctx;
  const docNo = params.get('docNo') || '青政办发〔2019〕31号';
  const input = (name, attrs = {}) => h('input', { name, value: params.get(name) ?? '', ...attrs });
  const form = h(
    'form',
    { class: 'row' },
    h('label', {}, '文号', input('docNo', { value: docNo, required: true })),
    h('label', {}, '起算日', input('startOn', { type: 'date' })),
    h('label', {}, '默认每步工作日', input('days', { type: 'number', min: 1, max: 250 })),
    h('label', {}, '设想：单位（代码）', input('slowerUnit')),
    h('label', {}, '慢（+）/快（−）工作日', input('slowerDays', { type: 'number' })),
    h('label', {}, '设想：延期给（事项编号或单位代码）', input('extensionOf')),
    h('label', {}, '延期天数', input('extensionDays', { type: 'number', min: 1, max: 730 })),
    h('button', { type: 'submit', class: 'primary' }, '模拟预测'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new window.FormData(form));
    window.location.hash = `#/forecast${query(values)}`;
  });
  const status = h('p', {}, '');
  const summary = h('div', {});
  const chartEl = h('div', { class: 'chart', style: 'height: 420px' });
  const details = h('div', {});
  container.replaceChildren(
    h('h1', {}, '逾期预测'),
    h('div', { class: 'card' }, form),
    status,
    summary,
    chartEl,
    details,
  );
  // A simulation takes some seconds of the server's time: it runs when asked, not on every visit.
  if (!params.get('docNo')) {
    status.textContent = '填写文号（可加设想）后点“模拟预测”。';
    return;
  }
  try {
    const whatIf = knobsOf(params);
    let run = await post('/api/forecast', {
      docNo,
      ...(params.get('startOn') ? { startOn: params.get('startOn') } : {}),
      ...(params.get('days') ? { days: Number(params.get('days')) } : {}),
      ...(whatIf ? { whatIf } : {}),
    });
    while (run.status === 'queued' || run.status === 'running') {
      status.textContent =
        run.status === 'queued' ? `排队中（前面还有 ${run.position} 个预测）…` : '正在模拟各事项的流程…';
      await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
      if (!container.isConnected) return;
      run = await get(`/api/forecast/${run.id}`);
    }
    if (run.status === 'failed') throw new Error(`预测失败：${run.error}`);
    const result = run.result;
    const base = result.scenarios.find((s) => s.key === 'base');
    const other = result.scenarios.find((s) => s.key === 'what-if');
    status.textContent =
      `自 ${result.startOn} 起，在独立的时间跳跃服务器上运行各事项的督办流程（用时 ${Math.round(
        (result.timings.bundleMs + result.timings.serverMs + result.timings.runMs) / 1000,
      )} 秒）。` +
      (result.undatedItems.length
        ? `没有期限的事项不预测：${result.undatedItems.map((i) => i.ref).join('、')}。`
        : '');
    summary.replaceChildren(
      lateList('将逾期的单位与事项', base),
      ...(other ? [lateList('设想下将逾期的单位与事项', other)] : []),
    );
    timeline(chartEl, base, other);
    details.replaceChildren(
      h('h3', {}, '各单位每周工作量'),
      loadTable(base),
      h('h3', {}, '步速'),
      durationsTable(result),
      h(
        'p',
        {},
        `涉及单位：${unitNames([...new Set(base.items.flatMap((i) => [...i.leadUnits, ...i.cooperatingUnits]))])}`,
      ),
    );
  } catch (e) {
    status.textContent = '';
    summary.replaceChildren(errorBox(e));
  }
}
