/* global window */
// 提出流转申请 (青政发〔2019〕34号 第三十五条(一)): the operator's own login files for itself; a
// village committee may register one for an operator. The fields are those of the written
// application: operator, village, parcels and area, use, term, rent per 亩 and year. A problem
// (bad input, 第二十二条 term, 第二十三条 cap) is shown in the form in Chinese, field by field.
import { get, post } from '/api.js';
import { h, openForm, todayShanghai, toast } from '/ui.js';

const KINDS = [
  { value: 'enterprise', label: '企业' },
  { value: 'household', label: '经营大户' },
  { value: 'cooperative', label: '村土地股份合作社' },
];
const LABELS = {
  operatorCode: '经营主体代码',
  operatorName: '经营主体名称',
  operatorKind: '经营主体类型',
  local: '户籍（注册地）',
  villageCode: '流转地所在村',
  parcels: '地块',
  name: '地块名称',
  location: '坐落',
  areaMu: '面积（亩）',
  use: '用途',
  termStart: '租赁起始日',
  termEnd: '租赁终止日',
  rentPerMuYear: '租金（元/亩·年）',
  filedOn: '申请日期',
};
const MESSAGES = {
  'must be greater than 0': '须大于 0',
  'must not be empty': '不能为空',
  'at most 2 decimals (0.01 亩)': '最多两位小数（0.01 亩）',
  'at most 2 decimals (0.01 元)': '最多两位小数（0.01 元）',
};

/** `body.parcels.1.areaMu` as 第2块地块 面积（亩）. */
function fieldLabel(field) {
  const parts = String(field).split('.').slice(1);
  const parcel = parts[0] === 'parcels' && parts[1] !== undefined ? `第${Number(parts[1]) + 1}块` : '';
  const last = parts.filter((p) => !/^\d+$/.test(p)).at(-1);
  return `${parcel}${LABELS[last] ?? last ?? '申请'}`;
}

/** The server's problem in the form's words: each field by its Chinese label, the article named. */
function inlineProblem(error) {
  const p = error && error.problem;
  if (!p) return error;
  const fields = (p.errors || []).map((e) => `${fieldLabel(e.field)}：${MESSAGES[e.message] ?? e.message}`);
  const detail = fields.length ? `申请填写有误：${fields.join('；')}` : p.detail || error.message;
  error.message = p.article && !detail.includes(p.article) ? `${detail}（${p.article}）` : detail;
  return error;
}

/** More parcels, one a line: 名称，坐落，面积. */
function moreParcels(text) {
  return String(text || '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, location, area] = line.split(/[,，\s]+/);
      return { name, location, areaMu: Number(area) };
    });
}

const fieldsFor = (self, villages) => [
  ...(self.kind === 'operator'
    ? []
    : [{ name: 'operatorCode', label: `${LABELS.operatorCode}（经营主体的登录单位代码）`, required: true }]),
  {
    name: 'operatorName',
    label: LABELS.operatorName,
    required: true,
    value: self.kind === 'operator' ? self.name : '',
  },
  { name: 'operatorKind', label: LABELS.operatorKind, type: 'select', options: KINDS },
  {
    name: 'local',
    label: `${LABELS.local}（外地主体一律缴纳风险保障金，第四十八条）`,
    type: 'select',
    options: [
      { value: 'true', label: '本镇、本村' },
      { value: 'false', label: '外地' },
    ],
  },
  self.kind === 'village'
    ? {
        name: 'villageCode',
        label: LABELS.villageCode,
        type: 'select',
        options: [villageOption(self, villages)],
      }
    : {
        name: 'villageCode',
        label: LABELS.villageCode,
        type: 'select',
        options: villages.map((v) => ({ value: v.code, label: `${v.townName} ${v.name}` })),
      },
  { name: 'parcelName', label: LABELS.name, required: true },
  { name: 'parcelLocation', label: LABELS.location, required: true },
  { name: 'parcelAreaMu', label: LABELS.areaMu, type: 'number', required: true },
  {
    name: 'moreParcels',
    label: '更多地块（每行一块：名称，坐落，面积；可不填）',
    type: 'textarea',
    required: false,
  },
  { name: 'use', label: `${LABELS.use}（不得改变农业用途，第三条）`, required: true },
  { name: 'termStart', label: LABELS.termStart, type: 'date', required: true },
  {
    name: 'termEnd',
    label: `${LABELS.termEnd}（最迟 2028-12-31，第二十二条）`,
    type: 'date',
    required: true,
    value: '2028-12-31',
  },
  { name: 'rentPerMuYear', label: LABELS.rentPerMuYear, type: 'number', required: true },
  { name: 'filedOn', label: LABELS.filedOn, type: 'date', required: true, value: todayShanghai() },
];
const villageOption = (self, villages) => {
  const v = villages.find((x) => x.code === self.code);
  return { value: self.code, label: v ? `${v.townName} ${v.name}` : self.name };
};

function bodyOf(values, self, villages) {
  const village = villages.find((v) => v.code === values.villageCode);
  return {
    operatorCode: self.kind === 'operator' ? self.code : values.operatorCode,
    operatorName: values.operatorName,
    operatorKind: values.operatorKind,
    local: values.local === 'true',
    villageCode: values.villageCode,
    villageName: village ? village.name : values.villageCode,
    townCode: village ? village.townCode : '',
    parcels: [
      { name: values.parcelName, location: values.parcelLocation, areaMu: Number(values.parcelAreaMu) },
      ...moreParcels(values.moreParcels),
    ],
    use: values.use,
    termStart: values.termStart,
    termEnd: values.termEnd,
    rentPerMuYear: Number(values.rentPerMuYear),
    filedOn: values.filedOn,
  };
}

/**
 * The 提出流转申请 button for an operator's or a village's login (null for others): the form is
 * built from the villages the registry knows, and a filed application opens its own page.
 */
export async function applyButton(user) {
  if (user.role !== 'bureau') return null;
  const { self, villages } = await get('/api/land-transfer/parties');
  if (!self || (self.kind !== 'operator' && self.kind !== 'village')) return null;
  return h(
    'button',
    {
      type: 'button',
      id: 'lt-apply',
      class: 'primary',
      onclick: () =>
        openForm({
          title: '提出土地流转申请（第三十五条）',
          fields: fieldsFor(self, villages),
          submit: async (values) => {
            let started;
            try {
              started = await post('/api/land-transfer/applications', bodyOf(values, self, villages));
            } catch (error) {
              throw inlineProblem(error);
            }
            toast('已提出申请');
            window.location.hash = `#/land-transfer/applications/${encodeURIComponent(started.applicationId)}`;
          },
        }),
    },
    '提出流转申请',
  );
}
