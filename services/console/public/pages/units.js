/* global window */
import { get, post, request } from '../api.js';
import { errorBox, fill, h, openForm, timeText, toast } from '../ui.js';

// 单位管理 (issue 13, administrator): the registry's units with every name they answer to. An
// import that met names nobody knows links here with them (#/units?names=教体局,数据局); each can be
// mapped to an existing unit as a name of its own, or become a new unit. The next import knows it.

const KINDS = {
  leadership: '领导机关',
  party: '党委部门',
  office: '办公室',
  bureau: '政府部门',
  branch: '派驻机构',
  agency: '事业单位',
  committee: '议事协调机构',
  town: '镇',
  street: '街道',
  farm: '农林场',
  park: '园区',
  enterprise: '国有企业',
  association: '人民团体',
  judicial: '法院',
  village: '村委会',
  operator: '经营主体',
  business: '经营单位（旅行社、景区、宾馆）',
};

/** The names passed in the link: ?names=a,b or ?names=a&names=b, in order, once each. */
function namesOf(params) {
  const all = params.getAll('names').flatMap((v) => v.split(/[,，、]/u));
  return [...new Set(all.map((n) => n.trim()).filter(Boolean))];
}

const unitOptions = (units) =>
  units.map((u) => ({ value: u.code, label: `${u.name}（${u.shortName}，${u.code}）` }));

function mapNameForm(units, alias, done) {
  openForm({
    title: '把名称对应到已有单位',
    fields: [
      { name: 'alias', label: '名称', value: alias || '', required: true, placeholder: '如 教体局' },
      { name: 'code', label: '单位', type: 'select', options: unitOptions(units) },
    ],
    submitLabel: '添加名称',
    submit: async ({ alias: name, code }) => {
      await post(`/api/units/${encodeURIComponent(code)}/aliases`, { alias: name.trim() });
      toast(`「${name.trim()}」已对应到 ${code}`);
      await done();
    },
  });
}

function createUnitForm(units, name, done) {
  openForm({
    title: '新建单位',
    fields: [
      { name: 'code', label: '代码（小写字母、数字、连字符）', required: true, placeholder: 'big-data' },
      { name: 'name', label: '全称', value: name || '', required: true },
      { name: 'shortName', label: '简称', value: name || '', required: true },
      {
        name: 'kind',
        label: '类别',
        type: 'select',
        options: Object.entries(KINDS).map(([value, label]) => ({ value, label })),
      },
      { name: 'aliases', label: '其他名称（用顿号分隔，可空）', placeholder: '如 大数据局、数据中心' },
      {
        name: 'parent',
        label: '上级单位（可空）',
        type: 'select',
        options: [{ value: '', label: '（无）' }, ...unitOptions(units)],
      },
    ],
    submitLabel: '新建',
    submit: async (v) => {
      const aliases = v.aliases
        .split(/[、,，;；]/u)
        .map((a) => a.trim())
        .filter(Boolean);
      const body = {
        code: v.code.trim(),
        name: v.name.trim(),
        shortName: v.shortName.trim(),
        kind: v.kind,
        aliases,
      };
      if (v.parent) body.parent = v.parent;
      await post('/api/units', body);
      toast(`已新建单位 ${body.name}`);
      await done();
    },
  });
}

/** Whether a unit answers to this name as written or without the city's prefix. */
function holderOf(units, cityName, name) {
  const level = cityName.slice(-1);
  const bare = name.replace(
    new RegExp(`^(?:中共)?(?:${cityName}|${cityName.slice(0, -1)}|${level})`, 'u'),
    '',
  );
  return units.find((u) => [u.name, u.shortName, ...u.aliases].some((a) => a === name || a === bare));
}

export async function unitsPage(container, { params, isCurrent }) {
  const unknown = namesOf(params);
  const title = h('h1', {}, '单位管理');
  const pending = h('div', { id: 'unknown-names' });
  const filter = h('input', { type: 'search', placeholder: '按名称或代码筛选', id: 'units-filter' });
  const body = h('tbody');
  const summary = h('p', { class: 'muted' });
  let units = [];
  let cityName = '';

  const reload = async () => {
    const list = await get('/api/units');
    if (!isCurrent()) return;
    units = list.units;
    cityName = list.cityName;
    fill(title, `单位管理 · ${cityName}`);
    render();
  };

  const removeAlias = async (unit, alias) => {
    if (!window.confirm(`删除 ${unit.shortName} 的名称「${alias}」？`)) return;
    try {
      await request(`/api/units/${encodeURIComponent(unit.code)}/aliases/${encodeURIComponent(alias)}`, {
        method: 'DELETE',
        raw: true,
      });
      toast(`已删除「${alias}」`);
      await reload();
    } catch (e) {
      toast(e.message, true);
    }
  };

  const aliasCell = (unit) => {
    const added = new Map(unit.officeAliases.map((a) => [a.alias, a.added]));
    return unit.aliases.map((alias) => {
      const by = added.get(alias);
      if (!by) return h('span', { class: 'chip' }, alias);
      return h(
        'span',
        { class: 'chip office', title: `${by.name}（${by.username}）于 ${timeText(by.at)} 添加` },
        alias,
        h(
          'button',
          { type: 'button', class: 'link', title: '删除这个名称', onclick: () => removeAlias(unit, alias) },
          '×',
        ),
      );
    });
  };

  function render() {
    const needle = filter.value.trim();
    const shown = units.filter(
      (u) => !needle || [u.code, u.name, u.shortName, ...u.aliases].some((n) => n.includes(needle)),
    );
    fill(summary, `共 ${units.length} 个单位，显示 ${shown.length} 个；带 × 的名称为办公室添加。`);
    fill(
      body,
      shown.map((u) =>
        h(
          'tr',
          { 'data-code': u.code },
          h('td', {}, u.code),
          h(
            'td',
            {},
            u.name,
            u.created
              ? h(
                  'span',
                  { class: 'muted', title: `${u.created.name} 于 ${timeText(u.created.at)} 新建` },
                  ' （新建）',
                )
              : null,
          ),
          h('td', {}, u.shortName),
          h('td', {}, KINDS[u.kind] || u.kind),
          h('td', {}, aliasCell(u)),
        ),
      ),
    );
    fill(
      pending,
      unknown.length === 0
        ? null
        : h(
            'section',
            { class: 'card' },
            h('h2', {}, '导入中未识别的名称'),
            h('p', { class: 'muted' }, '对应到已有单位，或新建单位；完成后重新导入即可识别。'),
            h(
              'ul',
              {},
              unknown.map((name) => {
                const holder = holderOf(units, cityName, name);
                return h(
                  'li',
                  { 'data-name': name },
                  h('strong', {}, name),
                  ' ',
                  holder
                    ? h('span', { class: 'chip' }, `已识别：${holder.name}`)
                    : [
                        h(
                          'button',
                          { type: 'button', onclick: () => mapNameForm(units, name, reload) },
                          '对应到已有单位',
                        ),
                        ' ',
                        h(
                          'button',
                          { type: 'button', onclick: () => createUnitForm(units, name, reload) },
                          '新建单位',
                        ),
                      ],
                );
              }),
            ),
          ),
    );
  }

  filter.addEventListener('input', render);
  container.replaceChildren(
    title,
    pending,
    h(
      'div',
      { class: 'toolbar' },
      summary,
      filter,
      h('button', { type: 'button', onclick: () => mapNameForm(units, '', reload) }, '添加名称'),
      h(
        'button',
        { type: 'button', class: 'primary', onclick: () => createUnitForm(units, '', reload) },
        '新建单位',
      ),
    ),
    h(
      'table',
      { id: 'units' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['代码', '全称', '简称', '类别', '名称（别名）'].map((t) => h('th', {}, t)),
        ),
      ),
      body,
    ),
  );
  try {
    await reload();
  } catch (e) {
    if (isCurrent()) container.append(errorBox(e));
  }
}
