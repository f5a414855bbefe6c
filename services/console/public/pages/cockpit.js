/* global window, location, echarts */
import { allItems, COLOUR_HEX, COLOUR_ORDER, COLOURS, get, query, unitName, unitNames } from '../api.js';
import { colourChip, dataTable, h, stateChip } from '../ui.js';

const charts = [];

function disposeCharts() {
  while (charts.length) charts.pop().dispose();
}
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

/** A stacked bar chart of counts by colour; clicking a bar opens the items behind it. */
function colourBars(el, rows, { label, drill }) {
  const chart = echarts.init(el);
  charts.push(chart);
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map(label) },
    series: COLOUR_ORDER.map((colour) => ({
      name: COLOURS[colour],
      type: 'bar',
      stack: 'all',
      itemStyle: { color: COLOUR_HEX[colour] },
      data: rows.map((r) => r.colours[colour] || 0),
    })),
  });
  chart.on('click', (p) => {
    const colour = COLOUR_ORDER[p.seriesIndex];
    location.hash = `#/items${query({ ...drill(rows[p.dataIndex]), colour })}`;
  });
}

/**
 * The trend the data can honestly give: open items by the month of their deadline (each open
 * milestone of a clause with several dates in its own month), coloured as they stand today, and the warnings raised per day (from the alert log).
 */
function trendCharts(deadlineEl, alertEl, items, alerts) {
  const months = new Map();
  const count = (date, colour) => {
    const month = date.slice(0, 7);
    const row = months.get(month) || { red: 0, yellow: 0, blue: 0, green: 0 };
    if (colour in row) row[colour] += 1;
    months.set(month, row);
  };
  for (const item of items) {
    if (item.state === 'closed' || !item.deadline) continue;
    const open = (item.milestones || []).filter((m) => !m.doneAt);
    // A clause with several dates (31号 四(二)) counts each open milestone in its own month, in
    // its own colour; the clause's last date is its last milestone.
    if (open.length) for (const m of open) count(m.date, m.colour);
    else if (!(item.milestones || []).length) count(item.deadline, item.overallColour);
  }
  const keys = [...months.keys()].sort();
  const a = echarts.init(deadlineEl);
  charts.push(a);
  a.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'category', data: keys },
    yAxis: { type: 'value', minInterval: 1 },
    series: COLOUR_ORDER.map((colour) => ({
      name: COLOURS[colour],
      type: 'bar',
      stack: 'all',
      itemStyle: { color: COLOUR_HEX[colour] },
      data: keys.map((k) => months.get(k)[colour]),
    })),
  });

  const days = new Map();
  for (const alert of alerts) {
    const day = new Date(Date.parse(alert.createdAt) + 8 * 3_600_000).toISOString().slice(0, 10);
    const row = days.get(day) || { red: 0, yellow: 0, blue: 0, green: 0 };
    if (alert.colour in row) row[alert.colour] += 1;
    days.set(day, row);
  }
  const dayKeys = [...days.keys()].sort();
  const b = echarts.init(alertEl);
  charts.push(b);
  b.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
    xAxis: { type: 'category', data: dayKeys },
    yAxis: { type: 'value', minInterval: 1 },
    series: COLOUR_ORDER.map((colour) => ({
      name: COLOURS[colour],
      type: 'line',
      itemStyle: { color: COLOUR_HEX[colour] },
      data: dayKeys.map((k) => days.get(k)[colour]),
    })),
  });
}

const pct = (r) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);

/** 项目建设 and 指标 (40号 二(三)): units ranked on the two rates, projects at risk, indicators missed. */
function projectQualityCards(pq) {
  const risk = { behind: '滞后序时进度', 'not-started': '到期未开工' };
  const report = { 'on-time': '按时', late: '逾期补报', missing: '逾期未报', 'not-due': '未到报送日' };
  return [
    h(
      'div',
      { class: 'grid2' },
      h(
        'div',
        { class: 'card' },
        h('h2', {}, `重点项目各单位排名（投资完成率、开工率，截至 ${pq.asOf}）`),
        dataTable(
          'pq-ranking',
          ['单位', '投资完成率', '名次', '开工率', '名次', '本月报送'],
          pq.ranking.map((r) =>
            h(
              'tr',
              { 'data-unit': r.unitCode, class: r.last ? 'last' : '' },
              h('td', {}, colourChip(r.colour), ' ', unitName(r.unitCode), r.last ? ' （末位）' : ''),
              h('td', {}, pct(r.completionRate)),
              h('td', {}, String(r.completionRank ?? '—')),
              h('td', {}, pct(r.startRate)),
              h('td', {}, String(r.startRank ?? '—')),
              h('td', {}, report[r.report] || r.report),
            ),
          ),
          '尚无重点项目',
        ),
      ),
      h(
        'div',
        { class: 'card' },
        h('h2', {}, '风险项目（滞后于年度目标序时进度或到期未开工）'),
        dataTable(
          'pq-at-risk',
          ['项目', '单位', '原因', '完成 / 序时（万元）'],
          pq.projectsAtRisk
            .slice(0, 20)
            .map((p) =>
              h(
                'tr',
                { 'data-project': p.projectId },
                h('td', {}, h('a', { href: '#/project-quality' }, p.name)),
                h('td', {}, unitName(p.unitCode)),
                h('td', {}, p.reasons.map((x) => risk[x]).join('、')),
                h('td', {}, `${p.investmentDoneWan} / ${p.dueByNowWan}`),
              ),
            ),
          '没有风险项目',
        ),
      ),
    ),
    h(
      'div',
      { class: 'card' },
      h('h2', {}, '未达标或逾期未报的指标'),
      dataTable(
        'pq-indicators-missed',
        ['文号', '指标', '年份', '目标', '报送值', '牵头单位'],
        pq.indicatorsMissed
          .slice(0, 30)
          .map((i) =>
            h(
              'tr',
              { 'data-indicator': i.id },
              h('td', { class: 'nowrap' }, i.docNo),
              h(
                'td',
                {},
                h('span', { class: 'chip red' }, i.colour === 'red' ? '逾期未报' : '未达标'),
                ' ',
                h('a', { href: '#/indicators' }, i.name),
              ),
              h('td', {}, String(i.year)),
              h('td', {}, `${i.target}${i.unit}`),
              h('td', {}, i.value === null ? '逾期未报' : `${i.value}${i.unit}`),
              h('td', {}, unitName(i.unitCode)),
            ),
          ),
        '没有未达标的指标',
      ),
    ),
  ];
}

export async function cockpitPage(container, { isCurrent }) {
  disposeCharts();
  const [overview, items, alerts, pq] = await Promise.all([
    get('/api/overview'),
    allItems(),
    get('/api/alerts?pageSize=200').catch(() => ({ alerts: [] })),
    // A deployment without the project-quality process has no such route: no cards then.
    get('/api/project-quality/cockpit').catch(() => null),
  ]);
  if (!isCurrent()) return;

  const count = (key, label, value, href) =>
    h('a', { class: `count ${key}`, href, 'data-count': key }, label, h('b', {}, String(value)));
  const unitChart = h('div', { class: 'chart', id: 'chart-units' });
  const docChart = h('div', { class: 'chart', id: 'chart-docs' });
  const trendA = h('div', { class: 'chart', id: 'chart-deadlines' });
  const trendB = h('div', { class: 'chart', id: 'chart-alerts' });
  const topUnits = overview.byUnit.slice(0, 15);

  container.replaceChildren(
    h('h1', {}, '领导驾驶舱 ', h('small', { class: 'muted' }, `截至 ${overview.today}`)),
    h(
      'div',
      { class: 'counts', id: 'counts' },
      count('open', '未销号', overview.open, '#/items'),
      ...COLOUR_ORDER.map((c) => count(c, COLOURS[c], overview.byColour[c], `#/items?colour=${c}`)),
      count('closed', '已销号', overview.closed, '#/items?state=closed'),
    ),
    // Every process the city runs, each counting its own open things by colour.
    h(
      'div',
      { class: 'card' },
      h('h2', {}, '各流程未办结情况'),
      h(
        'table',
        { id: 'by-process' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['流程', '对象', '未办结', ...COLOUR_ORDER.map((c) => COLOURS[c])].map((t) => h('th', {}, t)),
          ),
        ),
        h(
          'tbody',
          {},
          (overview.byProcess || []).map((p) =>
            h(
              'tr',
              { 'data-process': p.process },
              h('td', {}, p.label),
              h('td', {}, p.counted),
              h('td', {}, String(p.open)),
              ...COLOUR_ORDER.map((c) => h('td', {}, String(p.colours[c]))),
            ),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'grid2' },
      h('div', { class: 'card' }, h('h2', {}, '各牵头单位事项（逾期在前，点击查看）'), unitChart),
      h('div', { class: 'card' }, h('h2', {}, '各文件事项（点击查看）'), docChart),
    ),
    h(
      'div',
      { class: 'card' },
      h('h2', {}, '逾期最久的事项'),
      h(
        'table',
        { id: 'longest-overdue' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['逾期天数', '文号', '条款', '事项', '牵头单位', '期限', '状态'].map((t) => h('th', {}, t)),
          ),
        ),
        h(
          'tbody',
          {},
          overview.longestOverdue.length
            ? null
            : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, '没有逾期事项')),
          overview.longestOverdue.map((o) =>
            h(
              'tr',
              {},
              h('td', {}, h('span', { class: 'days over' }, `${o.daysOverdue} 天`)),
              h('td', { class: 'nowrap' }, o.docNo),
              h('td', {}, o.ref),
              h(
                'td',
                {},
                colourChip(o.colour),
                ' ',
                h('a', { href: `#/items/${encodeURIComponent(o.itemId)}` }, o.title),
              ),
              h('td', {}, unitNames(o.leadUnits)),
              h(
                'td',
                { class: 'nowrap' },
                o.deadline,
                // Overdue since an earlier milestone of the clause (31号 四(二): 6月底): say which.
                o.milestone ? h('div', { class: 'muted' }, `节点 ${o.overdueSince} 起逾期`) : null,
              ),
              h('td', {}, stateChip(o.state)),
            ),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'grid2' },
      h('div', { class: 'card' }, h('h2', {}, '未销号事项按办理期限月份（颜色为当前预警）'), trendA),
      h('div', { class: 'card' }, h('h2', {}, '每日新增预警（按预警颜色，来自预警记录）'), trendB),
    ),
    ...(pq ? projectQualityCards(pq) : []),
  );

  if (typeof echarts === 'undefined') return;
  colourBars(unitChart, topUnits, {
    label: (r) => r.unitName || r.unitCode,
    drill: (r) => ({ unit: r.unitCode }),
  });
  colourBars(docChart, overview.byDocument, { label: (r) => r.docNo, drill: (r) => ({ docNo: r.docNo }) });
  trendCharts(trendA, trendB, items, alerts.alerts);
}
