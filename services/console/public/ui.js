/* global document, window */
import { COLOURS, STATES } from './api.js';

/** Builds an element: h('a', { href: '#/x', class: 'y', onclick: fn }, 'text', child…). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof window.Node ? child : document.createTextNode(String(child)));
  }
}

export function colourChip(colour) {
  return h('span', { class: `chip ${colour}`, 'data-colour': colour }, COLOURS[colour] || colour);
}

export function stateChip(state, names = STATES) {
  return h('span', { class: 'chip state', 'data-state': state }, names[state] || state);
}

/** 剩余 N 天 / 逾期 N 天 / 今日到期 / 无期限. */
export function daysText(daysLeft) {
  if (daysLeft === null || daysLeft === undefined) return h('span', { class: 'days left' }, '无期限');
  if (daysLeft < 0) return h('span', { class: 'days over' }, `逾期 ${-daysLeft} 天`);
  if (daysLeft === 0) return h('span', { class: 'days over' }, '今日到期');
  return h('span', { class: 'days left' }, `剩余 ${daysLeft} 天`);
}

/** Days from today (Asia/Shanghai) to a civil date; negative when past. */
export function daysFromToday(date, today) {
  if (!date) return null;
  const ms = Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/**
 * The office's clock: the browser's, or in a rehearsal (演练) the simulated one, which runs
 * `offsetMs` ahead (rehearsal-banner.js sets it from /api/rehearsal).
 */
let clockOffsetMs = 0;
export function setClockOffset(offsetMs) {
  clockOffsetMs = offsetMs;
}
export function nowMs() {
  return Date.now() + clockOffsetMs;
}

export function todayShanghai() {
  return new Date(nowMs() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function timeText(iso) {
  if (!iso) return '';
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function toast(message, bad = false) {
  const box = document.getElementById('toast');
  const el = h('div', { class: bad ? 'bad' : '' }, message);
  box.append(el);
  window.setTimeout(() => el.remove(), bad ? 8000 : 4000);
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, error && error.message ? error.message : String(error));
}

/**
 * A modal form. `fields`: [{ name, label, type: 'text'|'textarea'|'date'|'select', options, value,
 * required }]. `submit(values)` runs on 提交; its error is shown in the dialog, which stays open.
 */
export function openForm({ title, fields, submitLabel = '提交', submit }) {
  const error = h('div');
  const inputs = {};
  const form = h(
    'form',
    { method: 'dialog' },
    h('h2', {}, title),
    fields.map((f) => {
      let input;
      if (f.type === 'textarea')
        input = h('textarea', { name: f.name, required: f.required, placeholder: f.placeholder });
      else if (f.type === 'select')
        input = h(
          'select',
          { name: f.name },
          f.options.map((o) => h('option', { value: o.value }, o.label)),
        );
      else
        input = h('input', {
          name: f.name,
          type: f.type || 'text',
          required: f.required,
          placeholder: f.placeholder,
        });
      if (f.value !== undefined) input.value = f.value;
      inputs[f.name] = input;
      return h('label', {}, h('span', {}, f.label), input);
    }),
    error,
    h(
      'div',
      {},
      h('button', { type: 'submit', class: 'primary' }, submitLabel),
      h('button', { type: 'button', onclick: () => close() }, '取消'),
    ),
  );
  const dialog = h('dialog', {}, form);
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = {};
    for (const [name, input] of Object.entries(inputs)) values[name] = input.value;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    error.replaceChildren();
    try {
      await submit(values);
      close();
    } catch (e) {
      error.replaceChildren(errorBox(e));
      button.disabled = false;
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  const first = form.querySelector('input, textarea, select');
  if (first) first.focus();
  return dialog;
}

/** A long title cut for a table cell; the whole text stays in the tooltip. */
export function clip(text, max = 60) {
  const s = String(text || '');
  return s.length > max ? h('span', { title: s }, s.slice(0, max) + '…') : s;
}

/** A definition list of [label, value] pairs; a missing value reads —, a falsy pair is left out. */
export function factList(pairs) {
  return h(
    'dl',
    { class: 'facts' },
    pairs
      .filter(Boolean)
      .flatMap(([k, v]) => [
        h('dt', {}, k),
        h('dd', {}, v === null || v === undefined || v === '' ? '—' : v),
      ]),
  );
}

/** A table with its header row; with no rows, one muted row says `empty`. */
export function dataTable(id, head, rows, empty) {
  return h(
    'table',
    { id },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((t) => h('th', {}, t)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.length ? rows : h('tr', {}, h('td', { colspan: head.length, class: 'muted' }, empty)),
    ),
  );
}

/** Replaces an element's children, skipping empty ones (null, false) as h() does. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Names each table cell after its column (`data-label`), so that on a phone, where a table reads
 * as cards (app.css), each value says what it is. Cells spanning columns (an empty list) say nothing.
 */
export function labelTableCells(root) {
  for (const table of root.querySelectorAll('table')) {
    const heads = [...table.querySelectorAll(':scope > thead th')].map((th) => th.textContent.trim());
    if (heads.length === 0) continue;
    for (const tr of table.querySelectorAll(':scope > tbody > tr'))
      [...tr.children].forEach((td, i) => {
        if (heads[i] && !td.hasAttribute('colspan') && td.dataset.label !== heads[i])
          td.dataset.label = heads[i];
      });
  }
}
