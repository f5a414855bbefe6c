/* global document */
// 提醒设置 (issue 19): where each person, and each unit, is told of alerts (e-mail, mobile, a
// group robot) and of which kinds; the admins also see what could not be delivered, and why.
import { get, post, request, unitName } from '/api.js';
import { errorBox, fill, h, timeText, toast } from '/ui.js';

const CHANNELS = { email: '邮件', sms: '短信', wecom: '企业微信群', dingtalk: '钉钉群' };

function subscriptionForm(title, current, choices, path, reload) {
  const email = h('input', {
    type: 'email',
    name: 'email',
    value: current.channels.email || '',
    placeholder: 'name@example.gov.cn',
  });
  const sms = h('input', {
    type: 'tel',
    name: 'sms',
    value: current.channels.sms || '',
    placeholder: '11 位手机号',
  });
  const robot = h(
    'select',
    { name: 'robot' },
    h('option', { value: '' }, '不发群'),
    choices.robots.map((r) =>
      h(
        'option',
        { value: r.name, selected: current.channels.robot === r.name },
        `${r.name}（${CHANNELS[r.kind]}）`,
      ),
    ),
  );
  const kinds = choices.kinds.map(({ kind, label }) =>
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'kind', value: kind, checked: current.kinds.includes(kind) }),
      ' ',
      label,
    ),
  );
  const channels = () => ({
    ...(email.value.trim() ? { email: email.value.trim() } : {}),
    ...(sms.value.trim() ? { sms: sms.value.trim() } : {}),
    ...(robot.value ? { robot: robot.value } : {}),
  });
  const save = async (kindsChosen) => {
    try {
      await request(path, { method: 'PUT', body: { channels: channels(), kinds: kindsChosen } });
      toast('提醒设置已保存');
      await reload();
    } catch (error) {
      toast(error.message, true);
    }
  };
  return h(
    'section',
    { class: 'card delivery-form', 'data-path': path },
    h('h3', {}, title, current.defaults ? h('small', { class: 'muted' }, '（当前为默认设置）') : null),
    h(
      'div',
      { class: 'form-grid' },
      choices.channels.email ? h('label', {}, h('span', {}, '邮箱'), email) : null,
      choices.channels.sms ? h('label', {}, h('span', {}, '手机'), sms) : null,
      choices.robots.length ? h('label', {}, h('span', {}, '群机器人'), robot) : null,
    ),
    h('fieldset', {}, h('legend', {}, '提醒种类'), kinds),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          type: 'button',
          onclick: () =>
            save(
              [...document.querySelectorAll(`[data-path="${path}"] input[name=kind]:checked`)].map(
                (i) => i.value,
              ),
            ),
        },
        '保存',
      ),
      h('button', { type: 'button', class: 'secondary', onclick: () => save(null) }, '恢复默认种类'),
    ),
  );
}

function deadLetters(list, reload) {
  return h(
    'section',
    { class: 'card' },
    h('h3', {}, `未能送达（${list.length}）`),
    list.length === 0
      ? h('p', { class: 'muted' }, '没有未能送达的提醒。')
      : h(
          'ul',
          { class: 'feed', id: 'dead-letters' },
          list.map((d) =>
            h(
              'li',
              {},
              h('strong', {}, `${CHANNELS[d.channel] || d.channel} → ${d.recipient}`),
              ' ',
              d.title,
              h('div', { class: 'error' }, d.reason || ''),
              h('small', { class: 'muted' }, `${timeText(d.deadAt)} · 尝试 ${d.attempts} 次 `),
              h(
                'button',
                {
                  type: 'button',
                  onclick: async () => {
                    await post(`/api/delivery/dead-letters/${encodeURIComponent(d.deliveryId)}/retry`);
                    toast('已重新排队');
                    await reload();
                  },
                },
                '重新投递',
              ),
            ),
          ),
        ),
  );
}

export async function renderDelivery(container, ctx) {
  const { user, isCurrent } = ctx;
  const reload = () => renderDelivery(container, ctx);
  try {
    const unitPath =
      user.role === 'bureau' && user.unitCode
        ? `/api/delivery/subscriptions/units/${encodeURIComponent(user.unitCode)}`
        : null;
    const [choices, mine, unit, dead] = await Promise.all([
      get('/api/delivery/choices'),
      get('/api/delivery/subscriptions/me'),
      unitPath ? get(unitPath) : null,
      user.role === 'admin' ? get('/api/delivery/dead-letters') : null,
    ]);
    if (!isCurrent()) return;
    document.title = '提醒设置 · 督办';
    fill(
      container,
      h('h2', {}, '提醒设置'),
      h('p', { class: 'muted' }, '预警、挂牌督办和问责会按这里的设置发到邮箱、手机或工作群。'),
      subscriptionForm('本人', mine, choices, '/api/delivery/subscriptions/me', reload),
      unit ? subscriptionForm(`本单位：${unitName(user.unitCode)}`, unit, choices, unitPath, reload) : null,
      dead ? deadLetters(dead.deadLetters, reload) : null,
    );
  } catch (error) {
    fill(container, errorBox(error));
  }
}
