/* global FileReader, window */
// 导入文件: upload a notice or paste its text → preview (tasks, units, dates, warnings, what a
// revised version adds, changes and removes) → confirm → the items start.
import { get, post } from '../api.js';
import { errorBox, fill, h, toast } from '../ui.js';
import { plainSourceLine } from '../source-text.js';

const CHANGE = { added: '新增', changed: '变更', unchanged: '未变' };
const names = (units) => (units.length ? units.map((u) => u.name).join('、') : '—');

/** A file's bytes as Base64 (the API's JSON body). */
function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取文件'));
    reader.readAsDataURL(file);
  });
}

function dateText(task) {
  const dated = task.deadlines.map((d) => `${d.date}（${d.phrase}）`);
  const kept = [...task.recurringDeadlines.map((r) => r.phrase), ...task.undatedPhrases];
  return [...dated, ...kept].join('；') || '—';
}

function unknownUnitsBox(preview) {
  if (!preview.unknownUnits.length) return null;
  const unitNames = [...new Set(preview.unknownUnits.map((u) => u.name).filter(Boolean))];
  return h(
    'div',
    { class: 'card warn' },
    h('h2', {}, `未识别的单位 ${preview.unknownUnits.length} 处`),
    h(
      'ul',
      {},
      ...preview.unknownUnits.map((u) =>
        h('li', {}, `${u.line ? `第${u.line}行 ` : ''}${u.name || u.message}`),
      ),
    ),
    h(
      'a',
      { href: `#/units?names=${encodeURIComponent(unitNames.join(','))}` },
      '到单位管理中映射或新建这些单位',
    ),
    h('span', { class: 'muted' }, '，完成后点“重新预览”，导入继续。'),
  );
}

function diffBox(diff) {
  const list = (title, rows) =>
    rows.length
      ? [
          h('h3', {}, `${title} ${rows.length} 项`),
          h('ul', {}, ...rows.map((r) => h('li', {}, `${r.ref} ${plainSourceLine(r.title)}`))),
        ]
      : [];
  return h(
    'div',
    { class: 'card' },
    h('h2', {}, '与目录相比'),
    ...list('新增（确认后启动督办）', diff.added),
    ...list('变更（存为新版本，运行中的事项随之修订）', diff.changed),
    ...list('删除（事项保留并标记，由督查室决定）', diff.removed),
    h('p', { class: 'muted' }, `未变 ${diff.unchanged} 项`),
  );
}

function tasksTable(doc) {
  return h(
    'div',
    { class: 'card' },
    h('h2', {}, `${doc.docNo || '（无文号）'} ${doc.title}`),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['条款', '任务', '牵头单位', '配合单位', '期限', '指标', '与目录相比'].map((t) =>
            h('th', {}, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...doc.tasks.map((t) =>
          h(
            'tr',
            { 'data-item': t.itemId },
            h('td', {}, t.ref),
            h('td', {}, plainSourceLine(t.title)),
            h('td', {}, names(t.lead)),
            h('td', {}, names(t.cooperating)),
            h('td', {}, dateText(t)),
            h('td', {}, t.indicators.map((i) => i.text || i.phrase || JSON.stringify(i)).join('；') || '—'),
            h('td', {}, CHANGE[t.change]),
          ),
        ),
      ),
    ),
  );
}

function resultBox(result) {
  const s = result.start;
  const first = result.items[0];
  return h(
    'div',
    { class: 'card ok' },
    h('h2', {}, '已导入'),
    h(
      'p',
      {},
      `督办事项：新启动 ${s.started}，已在运行 ${s.alreadyRunning}，已办结 ${s.alreadyClosed}，无牵头单位未启动 ${s.skipped}；` +
        `修订 ${result.revisions.filter((r) => r.change === 'revised' && r.outcome === 'applied').length}，` +
        `标记删除 ${result.revisions.filter((r) => r.change === 'removed' && r.outcome === 'applied').length}`,
    ),
    h('a', { href: '#/items' }, '查看督办事项'),
    first ? [' · ', h('a', { href: `#/items/${encodeURIComponent(first)}` }, '第一项')] : null,
  );
}

function showPreview(area, preview) {
  const confirmButton = h('button', { type: 'button' }, '确认导入');
  const again = h('button', { type: 'button', class: 'secondary' }, '重新预览');
  const blocked = preview.blocking.length > 0;
  const proceed = h('input', { type: 'checkbox', id: 'import-proceed' });
  confirmButton.addEventListener('click', async () => {
    confirmButton.disabled = true;
    try {
      const result = await post(`/api/catalog/imports/${preview.id}/confirm`, { proceed: proceed.checked });
      toast('已导入');
      fill(area, resultBox(result));
    } catch (error) {
      confirmButton.disabled = false;
      area.prepend(errorBox(error));
    }
  });
  again.addEventListener('click', async () => {
    try {
      showPreview(area, await get(`/api/catalog/imports/${preview.id}`));
    } catch (error) {
      area.prepend(errorBox(error));
    }
  });
  const warnings = preview.warnings.filter((w) => w.kind !== 'unknown-unit');
  fill(
    area,
    unknownUnitsBox(preview),
    diffBox(preview.diff),
    ...preview.documents.map(tasksTable),
    warnings.length
      ? h(
          'div',
          { class: 'card' },
          h('h2', {}, `解析警告 ${warnings.length} 条`),
          h('ul', {}, ...warnings.map((w) => h('li', {}, `${w.line ? `第${w.line}行 ` : ''}${w.message}`))),
        )
      : null,
    preview.confirmed
      ? h('p', { class: 'muted' }, `已由 ${preview.confirmed.by.name} 于 ${preview.confirmed.at} 确认导入`)
      : h(
          'div',
          { class: 'actions' },
          blocked
            ? h(
                'label',
                {},
                proceed,
                ` 仍然导入（${preview.blocking.map((b) => b.ref).join('、')} 没有牵头单位，不启动督办）`,
              )
            : null,
          confirmButton,
          ' ',
          again,
        ),
  );
}

export async function importPage(container) {
  const file = h('input', { type: 'file', accept: '.md,.txt,.docx,.xlsx', id: 'import-file' });
  const text = h('textarea', { rows: 8, placeholder: '或在此粘贴通知全文', id: 'import-text' });
  const go = h('button', { type: 'button' }, '预览');
  const area = h('div', { id: 'import-preview' });
  go.addEventListener('click', async () => {
    go.disabled = true;
    try {
      const chosen = file.files && file.files[0];
      const body = chosen
        ? { fileName: chosen.name, contentBase64: await base64Of(chosen) }
        : { text: text.value };
      showPreview(area, await post('/api/catalog/imports', body));
    } catch (error) {
      fill(area, errorBox(error));
    } finally {
      go.disabled = false;
    }
  });
  container.replaceChildren(
    h('h1', {}, '导入文件'),
    h(
      'div',
      { class: 'card' },
      h(
        'p',
        {},
        '上传通知、方案或任务分解表（文本 / Word / Excel，20 MB 以内），或粘贴全文。预览不写入任何数据。',
      ),
      file,
      text,
      h('div', {}, go),
    ),
    area,
  );
  window.scrollTo(0, 0);
}
