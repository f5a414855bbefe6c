import { allUnitEntries, get, post, query } from '../api.js';
import { dataTable, fill, h, openForm, timeText, toast } from '../ui.js';

// 本单位人员 (issue 23): a unit's 督办员 lists its unit's users, adds an ordinary user and disables
// one; the administrator does so for the unit chosen. Who made or disabled each user is shown.

const byText = (by, at) => (by ? `${by.name}（${by.username}）${at ? ` ${timeText(at)}` : ''}` : '系统预置');

function addUserForm(unitCode, done) {
  openForm({
    title: '新建本单位人员',
    fields: [
      { name: 'username', label: '用户名（小写字母、数字）', required: true, placeholder: 'edu-zhang' },
      { name: 'name', label: '姓名', required: true },
      { name: 'password', label: '初始密码（至少 10 位）', type: 'password', required: true },
    ],
    submitLabel: '新建',
    submit: async (v) => {
      await post('/api/unit-users', {
        username: v.username.trim(),
        name: v.name.trim(),
        unitCode,
        password: v.password,
      });
      toast(`已新建 ${v.name.trim()}`);
      await done();
    },
  });
}

function disableForm(user, done) {
  openForm({
    title: `停用 ${user.name}（${user.username}）`,
    fields: [{ name: 'reason', label: '停用原因', type: 'textarea', required: true }],
    submitLabel: '停用',
    submit: async ({ reason }) => {
      await post(`/api/unit-users/${encodeURIComponent(user.username)}/disable`, { reason: reason.trim() });
      toast(`已停用 ${user.name}`);
      await done();
    },
  });
}

export async function unitUsersPage(container, { user, params, isCurrent }) {
  const isAdmin = user.role === 'admin';
  let unitCode = isAdmin ? params.get('unit') || '' : user.unitCode;
  const list = h('div');
  const picker = isAdmin
    ? h(
        'select',
        {
          id: 'unit-users-unit',
          onchange: (e) => {
            unitCode = e.target.value;
            void reload();
          },
        },
        [{ code: '', name: '（选择单位）' }, ...allUnitEntries()].map((u) =>
          h('option', { value: u.code, selected: u.code === unitCode }, u.name),
        ),
      )
    : null;
  const add = h('button', { type: 'button', class: 'primary', id: 'add-unit-user' }, '新建人员');
  add.addEventListener('click', () => addUserForm(unitCode, reload));

  async function reload() {
    add.disabled = !unitCode;
    if (!unitCode) return void fill(list, h('p', { class: 'muted' }, '请选择单位'));
    const page = await get(
      `/api/unit-users${query({ unit: isAdmin ? unitCode : undefined, pageSize: 100 })}`,
    );
    if (!isCurrent()) return;
    fill(
      list,
      dataTable(
        'unit-users',
        ['用户名', '姓名', '身份', '新建', '状态', ''],
        page.users.map((u) =>
          h(
            'tr',
            { 'data-username': u.username },
            h('td', {}, u.username),
            h('td', {}, u.name),
            h('td', {}, u.unitSupervisor ? '督办员' : '承办人员'),
            h('td', {}, byText(u.createdBy, u.createdBy ? u.createdAt : null)),
            h('td', {}, u.disabledAt ? `已停用（${byText(u.disabledBy, u.disabledAt)}）` : '在用'),
            h(
              'td',
              {},
              u.disabledAt || u.username === user.username
                ? null
                : h('button', { type: 'button', onclick: () => disableForm(u, reload) }, '停用'),
            ),
          ),
        ),
        '本单位还没有人员',
      ),
    );
  }

  fill(
    container,
    h('h1', {}, isAdmin ? '单位人员' : `本单位人员 · ${user.unitName || user.unitCode}`),
    h('p', { class: 'muted' }, '督办员在事项页把本单位的步骤指定给承办人员；停用的人员不能再登录。'),
    h('div', { class: 'toolbar' }, picker, add),
    list,
  );
  await reload();
}
