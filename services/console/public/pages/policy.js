import { get, request, session } from '../api.js';
import { errorBox, fill, h, openForm, timeText, toast } from '../ui.js';

// 政策参数 (issue 14): the rules the gazette does not state, each with its source. Everyone reads
// them; the administrator changes the ones a new workflow takes at its start, with a reason, and
// every change stays on record (谁、单位、何时、原值 → 新值、理由).

const KINDS = { gazette: '公报', law: '法律', system: '本系统设定' };

function sourceBlock(source) {
  return h(
    'div',
    {},
    h('strong', {}, source.label),
    source.quote ? h('blockquote', {}, `“${source.quote}”`) : null,
    source.reasoning ? h('p', {}, source.reasoning) : null,
    source.reference ? h('p', { class: 'muted' }, `参照：${source.reference}`) : null,
    source.note ? h('p', { class: 'muted' }, source.note) : null,
  );
}

function appliesBlock(applies, changeable) {
  return h(
    'div',
    {},
    applies.scope,
    h(
      'p',
      { class: 'muted' },
      changeable
        ? applies.takesEffect
          ? `${applies.takesEffect}（取值处：${applies.startInput}）`
          : `新启动的流程取当前值（${applies.startInput}）；已在运行的保留启动时的值。`
        : `只读：固定在 ${applies.fixedIn}`,
    ),
  );
}

function changeForm(setting, done) {
  openForm({
    title: `修改：${setting.label}`,
    fields: [
      { name: 'value', label: `新值（${setting.unit}）`, value: String(setting.value), required: true },
      { name: 'reason', label: '理由（记入变更记录）', type: 'textarea', required: true },
    ],
    submitLabel: '修改',
    submit: async ({ value, reason }) => {
      const typed = typeof setting.defaultValue === 'number' ? Number(value) : value.trim();
      await request(`/api/policy/${encodeURIComponent(setting.key)}`, {
        method: 'PUT',
        body: { value: typed, reason: reason.trim() },
      });
      toast(`${setting.label} 已改为 ${typed}`);
      await done();
    },
  });
}

async function showHistory(setting, cell) {
  const { changes } = await get(`/api/policy/${encodeURIComponent(setting.key)}/history`);
  fill(
    cell,
    changes.length === 0
      ? h('p', { class: 'muted' }, '从未修改')
      : h(
          'ol',
          { class: 'timeline' },
          changes.map((c) =>
            h(
              'li',
              {},
              h('time', {}, timeText(c.at)),
              ` ${c.by.name}（${c.by.username}${c.by.unitCode ? `，${c.by.unitCode}` : ''}）：`,
              `${c.from} → ${c.to}。理由：${c.reason}`,
            ),
          ),
        ),
  );
}

export async function policyPage(container, { isCurrent }) {
  const admin = session()?.user?.role === 'admin';
  const body = h('tbody');

  const reload = async () => {
    const { settings } = await get('/api/policy');
    if (!isCurrent()) return;
    fill(
      body,
      settings.map((s) => {
        const history = h('div', { class: 'history' });
        return h(
          'tr',
          { 'data-key': s.key },
          h('td', {}, h('strong', {}, s.label), h('div', { class: 'muted' }, s.key)),
          h('td', {}, `${s.value} ${s.unit}`),
          h(
            'td',
            {},
            h('span', { class: 'chip' }, KINDS[s.source.kind] || s.source.kind),
            sourceBlock(s.source),
          ),
          h('td', {}, appliesBlock(s.appliesTo, s.changeable)),
          h(
            'td',
            {},
            admin && s.changeable
              ? h('button', { type: 'button', onclick: () => changeForm(s, reload) }, '修改')
              : null,
            h(
              'button',
              {
                type: 'button',
                class: 'link',
                onclick: () => showHistory(s, history).catch((e) => toast(e.message, true)),
              },
              '变更记录',
            ),
            history,
          ),
        );
      }),
    );
  };

  container.replaceChildren(
    h('h1', {}, '政策参数'),
    h(
      'p',
      { class: 'muted' },
      '公报没有规定、由其他文件、法律或本系统设定的规则，各注明来源。' +
        (admin ? '可修改的参数：修改只影响之后新启动的流程。' : '只有管理员可以修改。'),
    ),
    h(
      'table',
      { id: 'policy' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['参数', '当前值', '来源', '适用', ''].map((t) => h('th', {}, t)),
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
