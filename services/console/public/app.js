/* global document, window, location, URLSearchParams */
// 督办 web console: a hash-routed single page over the gateway's API. No build step.
import {
  ApiError,
  loadProcesses,
  loadUnits,
  post,
  ROLES,
  saveSession,
  session,
  whenSignedOut,
} from './api.js';
import { alertsPage, stopAlertStream } from './pages/alerts.js';
import { cockpitPage } from './pages/cockpit.js';
import { importPage } from './pages/import.js';
import { inboxPage } from './pages/inbox.js';
import { itemPage } from './pages/item.js';
import { itemsPage } from './pages/items.js';
import { policyPage } from './pages/policy.js';
import { scorecardPage } from './pages/scorecard.js';
import { unitUsersPage } from './pages/unit-users.js';
import { unitsPage } from './pages/units.js';
import { showRehearsalBanner } from './rehearsal-banner.js';
import { errorBox, h, labelTableCells } from './ui.js';

/** The shell's own pages each role may open, in menu order; the first is its home. */
const MENUS = {
  bureau: ['inbox', 'items'],
  inspector: ['alerts', 'items', 'cockpit', 'scorecard', 'import', 'policy'],
  leader: ['cockpit', 'scorecard', 'items', 'alerts', 'policy'],
  admin: ['cockpit', 'items', 'alerts', 'units', 'unit-users', 'policy'],
};

const PAGES = {
  inbox: { title: '我的待办', render: inboxPage },
  items: { title: '督办事项', render: itemsPage },
  cockpit: { title: '领导驾驶舱', render: cockpitPage },
  alerts: { title: '预警中心', render: alertsPage },
  import: { title: '导入文件', render: importPage },
  units: { title: '单位管理', render: unitsPage },
  policy: { title: '政策参数', render: policyPage },
  scorecard: { title: '单位考核', render: scorecardPage },
  'unit-users': { title: '本单位人员', render: unitUsersPage },
};

/**
 * Outside users (a travel agency, a village, an operator …: `user.outsideKind`) see only the
 * process pages opened to their unit's kind: no government desk (我的待办, 督办事项).
 */
const OUTSIDE_MENUS = {};

/** The menu of this user, in order; the first page is its home. */
const menuOf = (user) => (user.outsideKind ? (OUTSIDE_MENUS[user.outsideKind] ?? []) : MENUS[user.role]);

/** A unit's 督办员 also manages its unit's users (issue 23): linked beside its name, not in the menu. */
const mayOpen = (user, key) =>
  menuOf(user).includes(key) || (key === 'unit-users' && user.unitSupervisor && !user.outsideKind);

/** Each process's pages (幼儿园治理, 耕地保护 …) come from its own folder, after the shell's. */
async function addProcessPages() {
  for (const page of await loadProcesses()) {
    const module = await import(page.module);
    PAGES[page.key] = { title: page.title, render: module[page.render] };
    for (const role of page.roles)
      if (MENUS[role] && !MENUS[role].includes(page.key)) MENUS[role].push(page.key);
    for (const kind of page.outside ?? []) (OUTSIDE_MENUS[kind] ??= []).push(page.key);
  }
}

const main = document.getElementById('main');
// Every page's tables, as they are drawn and redrawn, name their cells for the phone layout.
// (Once a frame at most: a chart's tooltip changes the page on every move of the pointer.)
let labelling = false;
new window.MutationObserver(() => {
  if (labelling) return;
  labelling = true;
  window.requestAnimationFrame(() => {
    labelling = false;
    labelTableCells(main);
  });
}).observe(main, { childList: true, subtree: true });

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(search) };
}

function renderShell(user) {
  const bar = document.getElementById('topbar');
  bar.hidden = !user;
  if (!user) return;
  const current = parseHash().parts[0];
  document.getElementById('nav').replaceChildren(
    ...menuOf(user).map((key) =>
      h(
        'a',
        {
          href: `#/${key}`,
          class: [key === current ? 'active' : '', PAGES[key].soon ? 'soon' : ''].join(' ').trim(),
          'data-page': key,
        },
        PAGES[key].title,
      ),
    ),
  );
  const unit = user.unitName ? ` · ${user.unitName}` : '';
  const who = `${user.name}（${user.outsideKind ? '外部单位' : ROLES[user.role]}${unit}）`;
  document
    .getElementById('who')
    .replaceChildren(
      who,
      user.unitSupervisor && !user.outsideKind
        ? h('a', { href: '#/unit-users', id: 'unit-users-link', class: 'link' }, ' 本单位人员')
        : '',
    );
}

function loginPage(message) {
  const error = h('div', {}, message ? errorBox(new Error(message)) : null);
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, '登录');
  const form = h(
    'form',
    { class: 'card login', id: 'login' },
    h('h1', {}, '督办系统登录'),
    h('p', { class: 'muted' }, '青铜峡市督查督办 · 责任单位、督查室、领导小组'),
    h('label', {}, '用户名', username),
    h('label', {}, '密码', password),
    error,
    submit,
    h('p', { class: 'hint' }, '演示账号：bureau-edu（教育局）、inspector（督查室）、leader（领导小组）'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.replaceChildren();
    try {
      const res = await post('/api/session', { username: username.value.trim(), password: password.value });
      saveSession({ token: res.token, user: res.user });
      // A link that brought the person here (an alert's, opened on a phone) is where they go.
      const wanted = location.hash && !location.hash.startsWith('#/login') ? location.hash : '';
      location.hash = wanted || `#/${menuOf(res.user)[0] ?? ''}`;
      route();
    } catch (e) {
      error.replaceChildren(
        errorBox(e instanceof ApiError && e.status === 401 ? new Error(e.message || '用户名或密码错误') : e),
      );
      submit.disabled = false;
    }
  });
  main.replaceChildren(form);
  username.focus();
}

let generation = 0;

async function route() {
  stopAlertStream();
  const s = session();
  const { parts, params } = parseHash();
  renderShell(s && s.user);
  if (!s) return loginPage();
  await showRehearsalBanner();
  const menu = menuOf(s.user);
  if (!menu.length) {
    main.replaceChildren(
      h('h1', {}, '暂无可用的业务页面'),
      h('p', {}, '此账号所属单位没有开放的业务，请联系管理员。'),
    );
    return;
  }
  let key = parts[0];
  if (key === 'items' && parts[1] && menu.includes('items')) key = 'item';
  else if (!mayOpen(s.user, key)) {
    location.replace(`#/${menu[0]}`);
    return;
  }
  const page = key === 'item' ? { title: '事项详情', render: itemPage } : PAGES[key];
  document.title = `${page.title} · 督办`;
  const mine = ++generation;
  const container = h('div', { 'data-page': key });
  main.replaceChildren(container);
  try {
    await page.render(container, { user: s.user, parts, params, isCurrent: () => mine === generation });
  } catch (e) {
    if (mine === generation) container.replaceChildren(h('h1', {}, page.title), errorBox(e));
  }
}

document.getElementById('logout').addEventListener('click', () => {
  saveSession(null);
  location.hash = '#/login';
  route();
});
whenSignedOut((detail) => loginPage(detail || '登录已失效，请重新登录'));
window.addEventListener('hashchange', () => void route());

await Promise.all([loadUnits(), addProcessPages()]);
await route();
