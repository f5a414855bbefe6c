/* global fetch, localStorage, document, window, URLSearchParams */
// The console's link to the gateway: the session (JWT in localStorage), JSON requests with
// problem+json errors, and the Chinese names of states, colours and roles.

const KEY = 'duban.session';

export const STATES = {
  assigned: '已交办',
  signed: '已签收',
  in_progress: '办理中',
  close_requested: '申请办结',
  under_review: '复核中',
  closed: '已销号',
};

/** Inbox steps of a co-operating unit's sub-task. */
export const STEPS = {
  ...STATES,
  subtask_assigned: '待签收（配合）',
  subtask_signed: '已签收（配合）',
  subtask_in_progress: '办理中（配合）',
};

export const SUBTASK_STATES = { assigned: '已交办', signed: '已签收', in_progress: '办理中', done: '已完成' };

export const COLOURS = { red: '逾期', yellow: '滞后', blue: '临期', green: '正常', none: '—' };
export const COLOUR_ORDER = ['red', 'yellow', 'blue', 'green'];
export const COLOUR_HEX = { red: '#cf1322', yellow: '#faad14', blue: '#1677ff', green: '#52c41a' };

/** The processes whose steps share 我的待办, by name: filled from /processes.json at start. */
export const PROCESSES = {};

export const ROLES = { bureau: '责任单位', inspector: '督查室', leader: '领导小组', admin: '管理员' };

export function session() {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function saveSession(value) {
  if (value) localStorage.setItem(KEY, JSON.stringify(value));
  else localStorage.removeItem(KEY);
}

/** An error the page can show: the problem's `detail`, with the fields it names. */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = (problem && problem.errors) || [];
    const detail = (problem && (problem.detail || problem.title)) || `请求失败（HTTP ${status}）`;
    const extra = fields.length ? '：' + fields.map((f) => `${f.field} ${f.message}`).join('；') : '';
    super(fields.length && !detail.includes(fields[0].message) ? detail + extra : detail);
    this.status = status;
    this.problem = problem;
  }
}

let onUnauthenticated = () => {};
export function whenSignedOut(handler) {
  onUnauthenticated = handler;
}

export async function request(path, { method = 'GET', body, raw = false, bytes, type } = {}) {
  const s = session();
  const headers = {};
  if (s) headers.authorization = `Bearer ${s.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (bytes !== undefined) headers['content-type'] = type;
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: bytes !== undefined ? bytes : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { detail: '无法连接服务器，请检查网络后重试' });
  }
  if (!res.ok) {
    let problem = null;
    try {
      problem = await res.json();
    } catch {
      problem = null;
    }
    if (res.status === 401 && s) {
      saveSession(null);
      onUnauthenticated(problem && problem.detail);
    }
    throw new ApiError(res.status, problem);
  }
  if (raw) return res;
  return res.json();
}

/** Sends a file's bytes as they are (a ledger upload), with the file's content type. */
export const upload = (path, bytes, type) => request(path, { method: 'POST', bytes, type });

export const get = (path) => request(path);
export const post = (path, body) => request(path, { method: 'POST', body });

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Every item matching a filter, page by page (a county has tens of items, not thousands). */
export async function allItems(params = {}) {
  const out = [];
  for (let page = 1; page < 50; page++) {
    const res = await get(`/api/items${query({ ...params, page, pageSize: 200 })}`);
    out.push(...res.items);
    if (out.length >= res.total || res.items.length === 0) break;
  }
  return out;
}

/** Downloads a file from the API with the session's token and saves it under `name`. */
export async function download(path, name) {
  const res = await request(path, { raw: true });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

let units = new Map();
/**
 * The processes the server runs (/processes.json): their Chinese names, and the console pages
 * each brings. Returns the pages; the shell adds them to the menus.
 */
export async function loadProcesses() {
  const res = await fetch('/processes.json');
  const body = await res.json();
  for (const p of body.processes) PROCESSES[p.name] = p.label;
  return body.processes.flatMap((p) => p.pages);
}

export async function loadUnits() {
  try {
    const res = await fetch('/units.json');
    const body = await res.json();
    units = new Map(body.units.map((u) => [u.code, u.name]));
  } catch {
    units = new Map();
  }
  return units;
}
export const unitName = (code) => units.get(code) || code;
export const unitNames = (codes) => (codes || []).map(unitName).join('、');
export const allUnitEntries = () => [...units.entries()].map(([code, name]) => ({ code, name }));
