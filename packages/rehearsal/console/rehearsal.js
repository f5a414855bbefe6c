// 演练时钟 (issue 22): the inspector or an admin moves the rehearsal's clock on; every timer on the
// way fires in order, and the page answers once the read models have caught up.
import { get, post } from '/api.js';
import { showRehearsalBanner } from '/rehearsal-banner.js';
import { errorBox, h, toast } from '/ui.js';

const STEPS = [
  { label: '推进一天', body: { by: 'day' } },
  { label: '推进一周', body: { by: 'week' } },
  { label: '到下一个期限', body: { by: 'next-deadline' } },
];

export async function renderRehearsal(container) {
  const status = await get('/api/rehearsal');
  const result = h('div', {});
  const buttons = [];
  const advance = async (body) => {
    for (const b of buttons) b.disabled = true;
    result.replaceChildren(h('p', { class: 'muted' }, '正在推进，各流程与读模型跟上后答复…'));
    try {
      const done = await post('/api/rehearsal/advance', body);
      result.replaceChildren(
        h('p', {}, `已推进到 ${done.today}（用时 ${(done.tookMs / 1000).toFixed(1)} 秒）`),
      );
      toast(`模拟日期：${done.today}`);
      await showRehearsalBanner(await get('/api/rehearsal'));
      date.min = done.today;
    } catch (e) {
      result.replaceChildren(errorBox(e));
    } finally {
      for (const b of buttons) b.disabled = false;
    }
  };
  for (const step of STEPS) {
    const button = h('button', { type: 'button' }, step.label);
    button.addEventListener('click', () => void advance(step.body));
    buttons.push(button);
  }
  const date = h('input', { type: 'date', name: 'to', min: status.today, required: true });
  const toDate = h('button', { type: 'submit', class: 'primary' }, '推进到该日');
  buttons.push(toDate);
  const form = h('form', { class: 'row' }, h('label', {}, '到某日（09:00）', date), toDate);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (date.value) void advance({ to: date.value });
  });
  container.replaceChildren(
    h('h1', {}, '演练时钟'),
    h(
      'p',
      {},
      `演练自 ${status.startedOn} 开始，当前模拟日期 ${status.today}。推进时，途经的每个期限、预警和汇报节点依次触发，提醒照常产生。`,
    ),
    h('div', { class: 'card' }, h('div', { class: 'row' }, buttons.slice(0, 3)), form),
    result,
  );
}
