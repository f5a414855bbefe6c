// The 耕地保护 work that starts from the overview: 自然资源局 enters compensation land, files
// occupation requests and illegal-occupation cases; 自然资源局 and 督查室 open a rectification round
// and set the year's assessment targets.
import { ApiError } from '/api.js';
import { landAction, targetFields, targetsOf } from './land-actions.js';
import { KEY_LEVELS, LAND_KINDS, OCCUPATION_STATES } from './land-labels.js';
import { toast, todayShanghai } from '/ui.js';

const addDays = (date, days) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const options = (labels) => Object.entries(labels).map(([value, label]) => ({ value, label }));
// 二(二) as written: 自然资源局 会同农业农村局 verifies, lists and drafts; the town rectifies.
const RECTIFICATION_STEPS = {
  verify: '核实划定成果',
  problems: '梳理问题清单',
  plan: '编制整改补划方案（自然资源局会同农业农村局）',
  rectify: '镇(场)整改补划',
  zones: '调整“两区”',
  amend: '修改土地利用总体规划',
};

export function overviewActions(user, towns, reload) {
  // Who may act is the grant table's (the API refuses anyone else); an administrator takes no business action.
  const natres = user.role === 'bureau' && user.unitCode === 'natres';
  const office = natres || user.role === 'inspector';
  const townOptions = towns.map((t) => ({ value: t.townCode, label: t.townName }));
  const today = todayShanghai();
  const out = [];
  if (natres) {
    out.push(
      landAction({
        key: 'accept-compensation',
        label: '补充耕地验收入库',
        path: '/api/land/ledger/compensations',
        fields: [
          { name: 'parcelNo', label: '地块编号', required: true },
          { name: 'townCode', label: '镇(场)', type: 'select', options: townOptions },
          { name: 'areaMu', label: '面积（亩）', type: 'number', required: true },
          { name: 'grade', label: '质量等别（1 最好，15 最差）', type: 'number', required: true, value: '8' },
          { name: 'sourceProject', label: '来源项目', required: true },
          { name: 'acceptedOn', label: '验收日期', type: 'date', required: true, value: today },
        ],
        body: (v) => ({ ...v, areaMu: Number(v.areaMu), grade: Number(v.grade) }),
        ok: (res) => `地块 ${res.parcel.parcelNo} 已入库`,
        done: reload,
      }),
    );
    // A refused request is a decision, recorded with its rule: show it in the list, not as a failure.
    const occupation = landAction({
      key: 'request-occupation',
      label: '建设占用耕地审批',
      path: '/api/land/occupations',
      fields: [
        { name: 'project', label: '建设项目', required: true },
        { name: 'townCode', label: '镇(场)', type: 'select', options: townOptions },
        { name: 'areaMu', label: '占用面积（亩）', type: 'number', required: true },
        { name: 'grade', label: '被占耕地质量等别', type: 'number', required: true, value: '8' },
        { name: 'keyLevel', label: '项目级别', type: 'select', options: options(KEY_LEVELS) },
        {
          name: 'kind',
          label: '用地类型',
          type: 'select',
          options: options({ permanent: '建设占用', temporary: '临时用地' }),
        },
        {
          name: 'waitIfShort',
          label: '补充耕地不足时',
          type: 'select',
          options: options({ no: '不予批准', yes: '排队等待' }),
        },
      ],
      body: (v) => ({
        ...v,
        areaMu: Number(v.areaMu),
        grade: Number(v.grade),
        waitIfShort: v.waitIfShort === 'yes',
      }),
      ok: (res) =>
        `${res.occupation.occupationId}：${OCCUPATION_STATES[res.occupation.state] || res.occupation.state}`,
      recover: (error) => refusedOccupation(error, reload),
      done: reload,
    });
    out.push(occupation);
    out.push(
      landAction({
        key: 'open-land-case',
        label: '违法占地立案',
        path: '/api/land/cases',
        fields: [
          {
            name: 'source',
            label: '案件来源',
            type: 'select',
            options: options({ patrol: '动态巡查', report: '举报' }),
          },
          { name: 'parcelNo', label: '图斑/地块编号', required: true },
          { name: 'townCode', label: '镇(场)', type: 'select', options: townOptions },
          { name: 'areaMu', label: '面积（亩）', type: 'number', required: true },
          { name: 'landKind', label: '地类', type: 'select', options: options(LAND_KINDS) },
          { name: 'party', label: '当事人', required: true },
          { name: 'description', label: '违法情况', type: 'textarea' },
          { name: 'foundOn', label: '发现日期', type: 'date', required: true, value: today },
        ],
        body: (v) => ({ ...v, areaMu: Number(v.areaMu) }),
        ok: (res) => `已立案：${res.caseId}`,
        done: reload,
      }),
    );
  }
  if (office) {
    out.push(
      landAction({
        key: 'open-rectification',
        label: '开启划定成果整改',
        path: '/api/land/rectification-campaigns',
        fields: [
          {
            name: 'campaignId',
            label: '整改工作编号',
            required: true,
            value: `cl-rect-${today.slice(0, 4)}`,
          },
          { name: 'startDate', label: '开始日期', type: 'date', required: true, value: today },
          ...Object.entries(RECTIFICATION_STEPS).map(([name, label], i) => ({
            name,
            label: `${label} 期限`,
            type: 'date',
            required: true,
            value: addDays(today, 30 * (i + 1)),
          })),
        ],
        body: (v) => ({
          campaignId: v.campaignId,
          startDate: v.startDate,
          deadlines: Object.fromEntries(Object.keys(RECTIFICATION_STEPS).map((k) => [k, v[k]])),
        }),
        ok: (res) => `已开启整改：${res.rectifications.length} 个镇(场)`,
        done: reload,
      }),
      landAction({
        key: 'set-assessment',
        label: '下达年度考核目标',
        path: '/api/land/assessments',
        fields: [
          { name: 'year', label: '考核年度', type: 'number', required: true, value: today.slice(0, 4) },
          {
            name: 'reportDeadline',
            label: '报送期限',
            type: 'date',
            required: true,
            value: addDays(today, 30),
          },
          ...targetFields(),
        ],
        body: (v) => ({ year: Number(v.year), reportDeadline: v.reportDeadline, targets: targetsOf(v) }),
        ok: (res) => `已下达 ${res.year} 年考核目标：${res.assessments.length} 个镇(场)`,
        done: reload,
      }),
    );
  }
  return out;
}

/** 409 with the occupation: refused by a balance rule — recorded, so the list is reloaded. */
export function refusedOccupation(error, reload) {
  if (error instanceof ApiError && error.status === 409 && error.problem && error.problem.occupation) {
    toast(error.message, true);
    reload();
    return true;
  }
  return false;
}
