/* global document, location */
// 引客入青 (青政办发〔2019〕34号): windows about to close, trips and claims, the ranking as it
// stands, the year's totals and the settlement sheet. Agencies see their own trips only.
import { download, get, post, query } from '/api.js';
import { colourChip, fill, h, openForm, toast, todayShanghai } from '/ui.js';

const KINDS = {
  charter: '旅游包机',
  train: '旅游专列',
  coach: '旅游大巴',
  day: '一日游',
  overnight: '过夜游',
};
const STATUSES = {
  filed: '已备案',
  claimed: '已申请，待核实',
  verified: '已审核',
  rejected: '审核未通过',
  unclaimable: '逾期未申请',
  refused: '备案逾期',
};
const CENTRE = 'tourism-marketing';
const SEES_ALL = new Set([CENTRE, 'culture', 'fin']);
const seesAll = (user) => user.role !== 'bureau' || SEES_ALL.has(user.unitCode);
const isCentre = (user) => user.role === 'bureau' && user.unitCode === CENTRE;
const YES_NO = [
  { value: 'false', label: '否' },
  { value: 'true', label: '是' },
];
const lines = (text) =>
  (text || '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
const yuan = (n) => `${Number(n || 0).toLocaleString('zh-CN')} 元`;

export async function renderTourism(container, ctx) {
  const { user, params, isCurrent } = ctx;
  const year = Number(params.get('year')) || Number(todayShanghai().slice(0, 4));
  const filter = { month: params.get('month') || undefined, kind: params.get('kind') || undefined };
  const [windows, list, years, ranking, totals] = await Promise.all([
    get('/api/tourism/windows?days=15'),
    get(`/api/tourism/trips${query(filter)}`),
    get(`/api/tourism/settlements${query({ year })}`),
    // The ranking names every agency's figures: not for an outside user (an agency, a spot).
    user.outsideKind ? null : get(`/api/tourism/ranking${query({ year })}`),
    seesAll(user) ? get(`/api/tourism/totals${query({ year })}`) : null,
  ]);
  if (!isCurrent()) return;
  document.title = '引客入青 · 督办';
  const reload = () => renderTourism(container, ctx);
  const act = (path, body, done) =>
    post(path, body).then(() => {
      toast(done);
      return reload();
    });

  fill(
    container,
    h('h1', {}, `引客入青奖励（${year} 年，青政办发〔2019〕34号）`),
    h(
      'div',
      { class: 'toolbar' },
      user.outsideKind ? fileButton(act) : null,
      seesAll(user)
        ? h(
            'button',
            {
              type: 'button',
              id: 'tourism-sheet',
              onclick: () =>
                download(`/api/tourism/sheet.xlsx?year=${year}`, `引客入青奖励结算表-${year}.xlsx`),
            },
            '下载结算表',
          )
        : null,
    ),
    totals ? totalsTable(totals) : null,
    h('h2', {}, '即将截止的申请期（15 天内）'),
    tripTable(windows.trips, user, act),
    h('h2', {}, '行程与申请'),
    tripFilter(year, filter),
    tripTable(list.trips, user, act),
    h('h2', {}, `${year} 年度结算（三.4 年底结算）`),
    settlementTable(years.settlements, user, act),
    ranking ? h('h2', {}, '最佳送团社排名（截至目前，二.7）') : null,
    !ranking
      ? null
      : ranking.ranked.length
        ? h(
            'table',
            { id: 'tourism-ranking' },
            h(
              'tr',
              {},
              ['名次', '旅行社', '送团人次', '过夜游人次', '奖励'].map((t) => h('th', {}, t)),
            ),
            ranking.ranked.map((r) =>
              h(
                'tr',
                {},
                h('td', {}, r.rank),
                h('td', {}, r.agencyCode),
                h('td', {}, r.total),
                h('td', {}, r.overnight),
                h('td', {}, yuan(r.prize)),
              ),
            ),
          )
        : h('p', {}, '暂无年度累计送团超过 7000 人次的旅行社。'),
  );
}

/** Trips by month and kind (the agency's own, or every agency's for those who see all). */
function tripFilter(year, filter) {
  const month = h('input', { type: 'month', name: 'month', value: filter.month || '' });
  const kind = h(
    'select',
    { name: 'kind' },
    h('option', { value: '' }, '全部类别'),
    Object.entries(KINDS).map(([value, label]) =>
      h('option', { value, selected: value === filter.kind }, label),
    ),
  );
  const apply = () => {
    location.hash = `#/tourism${query({ year, month: month.value || undefined, kind: kind.value || undefined })}`;
  };
  month.addEventListener('change', apply);
  kind.addEventListener('change', apply);
  return h('div', { class: 'toolbar', id: 'tourism-filter' }, h('label', {}, '月份 ', month), kind);
}

const SETTLEMENT_STATUSES = { open: '申报中', due: '待结算', settled: '已结算' };
const VOID_GROUNDS = [
  { value: 'harm', label: '损害旅游者合法权益（四(一)1）' },
  { value: 'accident', label: '重大安全责任事故（四(一)2）' },
  { value: 'fraud', label: '弄虚作假、违规经营（四(一)3）' },
];

/**
 * Each agency's year (an agency sees its own): totals and the reward as it stands; 旅游营销中心
 * records express lines (二.6), voids (四(一), with why) and settles once the year is due.
 */
function settlementTable(rows, user, act) {
  if (!rows.length) return h('p', {}, '无。');
  return h(
    'table',
    { id: 'tourism-settlements' },
    h(
      'tr',
      {},
      ['旅行社', '状态', '送团人次', '过夜游人次', '奖励金额', '不予奖励', '操作'].map((x) => h('th', {}, x)),
    ),
    rows.map((s) =>
      h(
        'tr',
        { 'data-settlement': s.settlementId },
        h('td', {}, s.agency.name),
        h('td', {}, SETTLEMENT_STATUSES[s.status]),
        h('td', {}, s.totals.total),
        h('td', {}, s.totals.overnight),
        h('td', {}, yuan(s.amount)),
        h('td', {}, s.voiding ? `${s.voiding.reason}（${s.voiding.byName}）` : ''),
        h('td', {}, isCentre(user) ? settlementActions(s, act) : null),
      ),
    ),
  );
}

function settlementActions(s, act) {
  if (s.status === 'settled') return [];
  const base = `/api/tourism/settlements/${encodeURIComponent(s.agency.code)}/${s.year}/actions`;
  const button = (label, onclick) => h('button', { type: 'button', onclick }, label);
  const out = [
    button('登记专线', () =>
      openForm({
        title: `旅游直通车专线（二.6）：${s.agency.name}`,
        fields: [
          { name: 'lineId', label: '专线编号', required: true, placeholder: 'L-2019-01' },
          { name: 'route', label: '线路', required: true },
          { name: 'coaches', label: '车辆数', required: true },
          { name: 'branded', label: '车身统一喷印', type: 'select', options: YES_NO },
          {
            name: 'destinationGrade',
            label: '目的地景区等级',
            type: 'select',
            options: ['5A', '4A', '3A', 'other'].map((value) => ({ value, label: value })),
          },
          { name: 'monthsOnSchedule', label: '每天按点发车的月数', required: true },
          { name: 'majorAccident', label: '发生重大交通安全事故', type: 'select', options: YES_NO },
        ],
        submit: (v) =>
          act(
            `${base}/record-line`,
            {
              lineId: v.lineId,
              route: v.route,
              coaches: Number(v.coaches),
              branded: v.branded === 'true',
              destinationGrade: v.destinationGrade,
              monthsOnSchedule: Number(v.monthsOnSchedule),
              majorAccident: v.majorAccident === 'true',
            },
            '已登记',
          ),
      }),
    ),
  ];
  if (!s.voiding)
    out.push(
      button('不予奖励', () =>
        openForm({
          title: `不予奖励（四(一)）：${s.agency.name}`,
          fields: [
            { name: 'ground', label: '情形', type: 'select', options: VOID_GROUNDS },
            { name: 'reason', label: '事实与理由', type: 'textarea', required: true },
          ],
          submit: (v) => act(`${base}/void`, { ground: v.ground, reason: v.reason }, '已认定'),
        }),
      ),
    );
  if (s.status === 'due') out.push(button('结算', () => act(`${base}/settle`, {}, '已结算')));
  return out;
}

function totalsTable(t) {
  return h(
    'table',
    { id: 'tourism-totals' },
    h(
      'tr',
      {},
      ['类别', '行程', '审核通过', '核定人次'].map((x) => h('th', {}, x)),
    ),
    t.byKind.map((k) =>
      h(
        'tr',
        {},
        h('td', {}, KINDS[k.kind]),
        h('td', {}, k.trips),
        h('td', {}, k.verified),
        h('td', {}, k.visitors),
      ),
    ),
    h(
      'tr',
      {},
      h('td', {}, '逾期未申请'),
      h('td', {}, t.unclaimable),
      h('td', {}, `旅行社 ${t.agencies} 家`),
      h('td', {}, `奖励合计 ${yuan(t.amount)}`),
    ),
  );
}

function tripTable(trips, user, act) {
  if (!trips.length) return h('p', {}, '无。');
  return h(
    'table',
    { class: 'tourism-trips' },
    h(
      'tr',
      {},
      ['行程', '类别', '旅行社', '抵达', '人数', '申请期限', '预警', '状态', '操作'].map((x) =>
        h('th', {}, x),
      ),
    ),
    trips.map((t) =>
      h(
        'tr',
        { 'data-trip': t.tripId },
        h('td', {}, t.tripId),
        h('td', {}, KINDS[t.kind]),
        h('td', {}, t.agency.name),
        h('td', {}, t.arrival),
        h('td', {}, t.counted ?? t.headCount),
        h('td', {}, t.claimDeadline),
        h('td', {}, colourChip(t.colour)),
        h('td', {}, STATUSES[t.status], t.closedReason ? h('div', { class: 'muted' }, t.closedReason) : null),
        h('td', {}, actionsFor(t, user, act)),
      ),
    ),
  );
}

function actionsFor(t, user, act) {
  const base = `/api/tourism/trips/${encodeURIComponent(t.tripId)}/actions`;
  const button = (label, onclick) => h('button', { type: 'button', onclick }, label);
  const out = [];
  if (t.status === 'filed' && user.unitCode === t.agency.code)
    out.push(
      button('申请', () =>
        openForm({
          title: `申请奖励：${t.tripId}`,
          fields: [
            { name: 'claimedVisitors', label: '接待人数', required: true, value: String(t.headCount) },
            {
              name: 'meal',
              label: '含正餐',
              type: 'select',
              options: [
                { value: 'true', label: '是' },
                { value: 'false', label: '否' },
              ],
            },
            { name: 'photos', label: '照片（大巴团必附，每行一个）', type: 'textarea' },
          ],
          submit: (v) =>
            act(
              `${base}/claim`,
              {
                claimedVisitors: Number(v.claimedVisitors),
                meal: v.meal === 'true',
                photos: v.photos
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean),
              },
              '已申请',
            ),
        }),
      ),
    );
  if ((t.status === 'filed' || t.status === 'claimed') && t.confirmerCodes.includes(user.unitCode))
    out.push(
      button('核实人数', () =>
        openForm({
          title: `核实接待人数：${t.tripId}`,
          fields: [{ name: 'count', label: '本单位接待人数', required: true }],
          submit: (v) => act(`${base}/confirm-count`, { count: Number(v.count) }, '已核实'),
        }),
      ),
    );
  if (t.status === 'claimed' && isCentre(user)) {
    out.push(button('审核通过', () => act(`${base}/verify`, {}, '已审核')));
    out.push(
      button('不予通过', () =>
        openForm({
          title: `审核未通过：${t.tripId}`,
          fields: [{ name: 'reason', label: '理由', type: 'textarea', required: true }],
          submit: (v) => act(`${base}/reject`, { reason: v.reason }, '已退回'),
        }),
      ),
    );
  }
  return out;
}

function fileButton(act) {
  return h(
    'button',
    {
      type: 'button',
      id: 'tourism-file',
      onclick: () =>
        openForm({
          title: '行程备案（包机、专列、大巴提前三天；一日游、过夜游提前一天）',
          fields: [
            { name: 'tripId', label: '行程编号', required: true, placeholder: 'T-2019-0001' },
            {
              name: 'kind',
              label: '类别',
              type: 'select',
              options: Object.entries(KINDS).map(([value, label]) => ({ value, label })),
            },
            { name: 'guide', label: '导游或计调', required: true },
            { name: 'phone', label: '联系电话', required: true },
            { name: 'arrival', label: '抵达日期', type: 'date', required: true },
            { name: 'departure', label: '离开日期', type: 'date', required: true },
            { name: 'headCount', label: '人数', required: true },
            {
              name: 'spots',
              label: '景区（每行：代码 名称 等级，如 spot-tower 黄河楼 5A）',
              type: 'textarea',
              required: true,
            },
            { name: 'meals', label: '餐饮地点（每行一个，可空）', type: 'textarea' },
            { name: 'hotel', label: '宾馆（代码 名称，可空）' },
            // 三.1: charters and trains file the contract and the ticket summary; 三.3(1): coaches their vehicles.
            { name: 'contractRef', label: '包机、专列合同扫描件编号（包机、专列必填）' },
            {
              name: 'ticketSummary',
              label: '游客信息及机票、火车票汇总（包机、专列必填）',
              type: 'textarea',
            },
            { name: 'coaches', label: '大巴车辆（每行：车牌 座位数；大巴团必填）', type: 'textarea' },
            { name: 'outOfRegion', label: '区外游客（二.3）', type: 'select', options: YES_NO },
            { name: 'blockBooking', label: '切位（二.5）', type: 'select', options: YES_NO },
          ],
          submit: (v) => {
            const spots = v.spots
              .split('\n')
              .map((l) => l.trim().split(/\s+/))
              .filter((p) => p.length === 3)
              .map(([code, name, grade]) => ({ code, name, grade }));
            const [hotelCode, hotelName] = v.hotel.trim().split(/\s+/);
            const coaches = lines(v.coaches)
              .map((l) => l.split(/\s+/))
              .map(([plate, seats]) => ({ plate, seats: Number(seats) }));
            return act(
              '/api/tourism/trips',
              {
                tripId: v.tripId,
                kind: v.kind,
                guide: { name: v.guide, phone: v.phone },
                arrival: v.arrival,
                departure: v.departure,
                headCount: Number(v.headCount),
                itinerary: {
                  spots,
                  meals: lines(v.meals),
                  hotel: hotelCode && hotelName ? { code: hotelCode, name: hotelName } : null,
                },
                ...(v.contractRef.trim() ? { contractRef: v.contractRef.trim() } : {}),
                ...(v.ticketSummary.trim() ? { ticketSummary: v.ticketSummary.trim() } : {}),
                coaches,
                outOfRegion: v.outOfRegion === 'true',
                blockBooking: v.blockBooking === 'true',
              },
              '已备案',
            );
          },
        }),
    },
    '行程备案',
  );
}
