// 项目建设 (青政办发〔2019〕40号): the 销号台账, the units' monthly reports (四(三)), 一月一通报 (二(三),
// 四(五)), the quarterly ranking and the 约谈 listing (二(三)), and the 2019 targets of 一.
import { COLOURS, download, get, post, session, unitName, upload } from '/api.js';
import { colourChip, fill, h, toast, todayShanghai } from '/ui.js';
import { dispatchSection, targetsSection } from './targets.js';

const pct = (r) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
/** 一(二)'s levels, as the ledger writes them. */
const LEVELS = { region: '自治区级重点项目', wuzhong: '吴忠市级重点项目', basic: '基本建设项目' };
const REPORT = { 'on-time': '按时报送', late: '逾期补报', missing: '逾期未报', 'not-due': '未到报送日' };
/** A table whose first row names the columns. */
function table(id, heads, rows) {
  const head = h('tr', {}, ...heads.map((t) => h('th', {}, t)));
  return h('table', { id }, head, ...rows);
}

export async function projectQualityPage(container) {
  const today = todayShanghai();
  const year = Number(today.slice(0, 4)) >= 2019 ? Number(today.slice(0, 4)) : 2019;
  const state = {
    year,
    month: Number(today.slice(5, 7)),
    quarter: `${year}Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`,
  };
  const me = session()?.user ?? {};
  // A report's answer is the unit's year after it: shown at once, before the read model has it.
  const answered = new Map();
  const newest = (y) => {
    const a = answered.get(`${y.unitCode}-${y.year}`);
    return a && a.version > y.version ? a : y;
  };
  const render = async () => {
    const month = `${state.year}-${String(state.month).padStart(2, '0')}`;
    // The week's dispatch: this week in the month shown, else that month's first week.
    const day = today.startsWith(month) ? today : `${month}-01`;
    const [projects, stored, notice, ranking, targets, dispatch] = await Promise.all([
      get('/api/project-quality/projects'),
      get(`/api/project-quality/years/${state.year}/units`),
      get(`/api/project-quality/notices/${state.year}/${state.month}`),
      get(`/api/project-quality/rankings/${state.quarter}`),
      // 40号 sets targets for 2019 only.
      state.year === 2019 ? get('/api/project-quality/targets/2019') : null,
      get(`/api/project-quality/dispatch/${day}`),
    ]);
    const years = stored.map(newest);
    const mine = years.find((y) => y.unitCode === me.unitCode);
    fill(
      container,
      h('h1', {}, '项目建设（青政办发〔2019〕40号 项目提质增效年）'),
      h(
        'p',
        {},
        '月份 ',
        h('input', {
          id: 'pq-month',
          type: 'month',
          value: `${state.year}-${String(state.month).padStart(2, '0')}`,
          onchange: (e) => {
            const [y, m] = e.target.value.split('-').map(Number);
            Object.assign(state, { year: y, month: m, quarter: `${y}Q${Math.ceil(m / 3)}` });
            void render();
          },
        }),
        ' ',
        h(
          'button',
          {
            id: 'pq-notice-xlsx',
            onclick: () =>
              download(
                `/api/project-quality/notices/${state.year}/${state.month}/notice.xlsx`,
                `月度通报-${state.year}-${state.month}.xlsx`,
              ),
          },
          '下载月度通报（xlsx）',
        ),
      ),
      targets ? targetsSection(targets, me, render) : null,
      dispatchSection(dispatch),
      h('h2', {}, `${state.year}年${state.month}月 重点项目投资完成率、开工率通报（一月一通报）`),
      table(
        'pq-notice-units',
        ['责任单位', '投资完成率', '开工率', '本月报送'],
        notice.units.map((u) =>
          h(
            'tr',
            { 'data-unit': u.unitCode },
            h('td', {}, unitName(u.unitCode)),
            h('td', {}, pct(u.completionRate)),
            h('td', {}, pct(u.startRate)),
            h('td', { 'data-report': u.report }, REPORT[u.report]),
          ),
        ),
      ),
      table(
        'pq-notice-projects',
        ['项目', '级别', '责任单位', '年度计划（万元）', '累计完成（万元）', '完成率', '开工'],
        notice.projects.map((p) =>
          h(
            'tr',
            { 'data-project': p.projectId },
            h('td', {}, p.name),
            h('td', {}, LEVELS[p.level] ?? p.level),
            h('td', {}, unitName(p.unitCode)),
            h('td', {}, p.yearTargetWan),
            h('td', {}, p.investmentDoneWan),
            h('td', {}, pct(p.completionRate)),
            h('td', {}, p.started ? '已开工' : '未开工'),
          ),
        ),
      ),
      h('h2', {}, `${state.quarter} 季度排名（并列同名次）`),
      table(
        'pq-ranking',
        ['指标', '名次', '责任单位', '数值', ''],
        ['completion', 'start'].flatMap((m) =>
          ranking[m].map((r) =>
            h(
              'tr',
              {},
              h('td', {}, m === 'completion' ? '投资完成率' : '开工率'),
              h('td', {}, r.rank),
              h('td', {}, unitName(r.unitCode)),
              h('td', {}, pct(r.value)),
              h('td', {}, r.last ? '末位' : ''),
            ),
          ),
        ),
      ),
      h('h3', {}, '连续2季度排名末位（约谈，二(三)）'),
      h(
        'ul',
        { id: 'pq-talks' },
        ranking.talks.map((t) =>
          h('li', { 'data-unit': t.unitCode }, `${unitName(t.unitCode)}：${t.figures}`),
        ),
      ),
      me.unitCode === 'ndrc' && ranking.talks.length
        ? h(
            'button',
            {
              id: 'pq-list-talks',
              onclick: async () => {
                const listed = await post(`/api/project-quality/talks/${state.quarter}`, undefined);
                toast(`已列入约谈 ${listed.length} 个单位，告警领导小组，列入督查室待办`);
              },
            },
            '提出约谈名单',
          )
        : null,
      mine
        ? reportForm(
            mine,
            projects.filter((p) => p.unitCode === me.unitCode),
            (after) => {
              answered.set(`${after.unitCode}-${after.year}`, after);
              return render();
            },
          )
        : null,
      h('h2', {}, '各单位每月报送'),
      table(
        'pq-years',
        ['责任单位', ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`)],
        years.map((y) =>
          h(
            'tr',
            { 'data-unit': y.unitCode },
            h('td', {}, unitName(y.unitCode)),
            Array.from({ length: 12 }, (_, i) => {
              const s = y.months.find((x) => x.month === i + 1);
              return h(
                'td',
                { title: s ? `报送日 ${s.due}` : '' },
                s
                  ? s.reportedOn
                    ? `${s.late ? '补报' : '已报'} ${s.reportedOn.slice(5)}`
                    : colourChip(s.colour)
                  : '',
              );
            }),
          ),
        ),
      ),
      h('h2', {}, '销号台账'),
      me.unitCode === 'ndrc'
        ? h(
            'p',
            {},
            '导入台账（xlsx）',
            h('input', {
              id: 'pq-ledger-file',
              type: 'file',
              accept: '.xlsx',
              onchange: async (e) => {
                const file = e.target.files[0];
                const res = await upload(
                  '/api/project-quality/projects/import',
                  await file.arrayBuffer(),
                  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                );
                const bad = res.rows.filter((r) => !r.ok);
                toast(
                  `导入 ${res.imported} 行；${bad.map((r) => `第${r.row}行 ${r.problems.map((p) => `${p.field}：${p.problem}`).join('；')}`).join('\n') || '全部合格'}`,
                  bad.length > 0,
                );
                await render();
              },
            }),
          )
        : null,
      h(
        'button',
        { onclick: () => download('/api/project-quality/projects.xlsx', '销号台账.xlsx') },
        '导出台账',
      ),
      table(
        'pq-ledger',
        [
          '编号',
          '项目名称',
          '级别',
          '责任单位',
          '责任领导',
          '工作专班',
          '具体责任人',
          '年度计划投资（万元）',
          '计划开工',
          '计划竣工',
          '销号',
        ],
        projects.map((p) =>
          h(
            'tr',
            { 'data-project': p.projectId },
            h('td', {}, p.projectId),
            h('td', {}, p.name),
            h('td', {}, LEVELS[p.level] ?? p.level),
            h('td', {}, unitName(p.unitCode)),
            h('td', {}, p.leader),
            h('td', {}, p.workingGroup),
            h('td', {}, p.personInCharge),
            h('td', {}, p.yearTargetWan),
            h('td', {}, p.plannedStart),
            h('td', {}, p.plannedCompletion),
            h('td', {}, p.closedOn ?? (me.unitCode === 'ndrc' ? closeButton(p, render) : '')),
          ),
        ),
      ),
      h(
        'p',
        { class: 'muted' },
        `颜色：${Object.values(COLOURS).join('、')}；报送日遇休息日按政策参数处理。`,
      ),
    );
  };
  await render();
}

/** 四(三) 完成一项，销号一项: 发改局 closes a project out today (refused until started and done). */
function closeButton(p, done) {
  return h(
    'button',
    {
      'data-action': 'close',
      onclick: async () => {
        try {
          await post(`/api/project-quality/projects/${p.projectId}/close`, { on: todayShanghai() });
          toast(`${p.name} 已销号`);
          await done();
        } catch (e) {
          toast(e.message, true);
        }
      },
    },
    '销号',
  );
}

function reportForm(year, projects, done) {
  const open = year.months.filter((s) => !s.reportedOn);
  if (!open.length) return null;
  const month = h(
    'select',
    { id: 'pq-report-month' },
    open.map((s) => h('option', { value: s.month }, `${s.month}月（报送日 ${s.due}）`)),
  );
  const work = h('textarea', { id: 'pq-report-work', rows: 2 }, '');
  const lines = projects.map((p) => ({
    p,
    done: h('input', { type: 'number', min: 0, step: '0.01', 'data-project': p.projectId, class: 'pq-done' }),
    started: h('input', { type: 'checkbox', 'data-project': p.projectId, class: 'pq-started' }),
    problems: h('input', {
      type: 'text',
      maxlength: 2000,
      'data-project': p.projectId,
      class: 'pq-problems',
    }),
  }));
  return h(
    'section',
    {},
    h('h2', {}, '报送本单位工作情况（四(三)）'),
    h('p', {}, month),
    h('p', {}, '工作情况 ', work),
    table(
      'pq-report-lines',
      ['项目', '本年累计完成投资（万元）', '已开工', '存在问题'],
      lines.map((l) =>
        h(
          'tr',
          {},
          h('td', {}, l.p.name),
          h('td', {}, l.done),
          h('td', {}, l.started),
          h('td', {}, l.problems),
        ),
      ),
    ),
    h(
      'button',
      {
        id: 'pq-report-send',
        onclick: async () => {
          const after = await post(
            `/api/project-quality/units/${year.unitCode}/years/${year.year}/actions/report`,
            {
              month: Number(month.value),
              work: work.value,
              progress: lines.map((l) => ({
                projectId: l.p.projectId,
                investmentDoneWan: Number(l.done.value || 0),
                started: l.started.checked,
                problems: '',
              })),
            },
          );
          toast(`已报送${month.value}月工作情况`);
          await done(after);
        },
      },
      '报送',
    ),
  );
}
