/* global location */
import { download, get, unitName } from '../api.js';
import { h } from '../ui.js';

// 单位考核 (issue 23): each unit's figures for a quarter or a year, ranked, with the xlsx export
// for the year-end meeting. The figures come from /api/scorecard/:period.

const RATING_NAMES = { good: '好', fairly_good: '较好', average: '一般', poor: '差' };

function currentQuarter() {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return `${now.getUTCFullYear()}Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

export async function scorecardPage(container, { params, isCurrent }) {
  const period = params?.get?.('period') || currentQuarter();
  const card = await get(`/api/scorecard/${encodeURIComponent(period)}`);
  if (!isCurrent()) return;
  const input = h('input', { value: period, size: 8, 'aria-label': '季度或年度' });
  const rows = card.units.map((u) =>
    h(
      'tr',
      { 'data-unit': u.unitCode },
      ...[
        u.rank,
        unitName(u.unitCode),
        u.due,
        u.closedOnTime,
        u.closedLate,
        u.stillOverdue,
        u.daysOverdue,
        u.urgesReceived,
        u.urgesAnsweredLate + u.urgesUnanswered,
        `${u.extensionsAsked} / ${u.extensionsGranted}`,
        Object.entries(u.ratings)
          .filter(([, n]) => n)
          .map(([k, n]) => `${RATING_NAMES[k]}${n}`)
          .join(' ') || '—',
        u.onTimeRate === null ? '—' : `${(u.onTimeRate * 100).toFixed(1)}%`,
        u.score,
      ].map((v) => h('td', {}, String(v))),
    ),
  );
  container.replaceChildren(
    h(
      'p',
      {},
      '期间 ',
      input,
      ' ',
      h(
        'button',
        { onclick: () => (location.hash = `#/scorecard?period=${encodeURIComponent(input.value)}`) },
        '查看',
      ),
      ' ',
      h(
        'button',
        {
          onclick: () =>
            download(`/api/scorecard/${card.period.key}/xlsx`, `单位督办考核-${card.period.key}.xlsx`),
        },
        '导出 xlsx',
      ),
    ),
    h('p', { class: 'muted' }, `${card.period.from} 至 ${card.period.to}；计分规则：${card.rules}`),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[
            '名次',
            '单位',
            '到期',
            '按期办结',
            '逾期办结',
            '逾期未办结',
            '逾期天数',
            '催办',
            '催办逾期',
            '延期 申请/获批',
            '评价',
            '按期办结率',
            '得分',
          ].map((t) => h('th', {}, t)),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}
