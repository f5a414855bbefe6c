import { post, STATES } from './api.js';
import { h, openForm, toast } from './ui.js';

const lines = (text) =>
  (text || '')
    .split(/\r?\n|[，,；;]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => ({ name }));

/** Each action of the supervision flow: its button, its form, and the body the API expects. */
export const ACTIONS = {
  sign: {
    label: '签收',
    fields: [{ name: 'note', label: '签收说明（可不填）', type: 'text' }],
    body: (v) => (v.note ? { note: v.note } : {}),
  },
  progress: {
    label: '报送进展',
    fields: [
      { name: 'text', label: '进展情况', type: 'textarea', required: true },
      {
        name: 'attachments',
        label: '附件名称（每行一个，可不填）',
        type: 'textarea',
        placeholder: '例如：整改方案.pdf',
      },
    ],
    body: (v) => ({ text: v.text, attachments: lines(v.attachments) }),
  },
  'request-close': {
    label: '申请办结',
    fields: [
      { name: 'summary', label: '办结情况说明', type: 'textarea', required: true },
      { name: 'attachments', label: '佐证材料名称（每行一个，可不填）', type: 'textarea' },
    ],
    body: (v) => ({ summary: v.summary, attachments: lines(v.attachments) }),
  },
  'request-extension': {
    label: '申请延期',
    fields: [
      { name: 'newDeadline', label: '申请延至', type: 'date', required: true },
      { name: 'reason', label: '延期理由', type: 'textarea', required: true },
    ],
    body: (v) => ({ newDeadline: v.newDeadline, reason: v.reason }),
  },
  review: {
    label: '复核',
    fields: [{ name: 'note', label: '复核意见（可不填）', type: 'text' }],
    body: (v) => (v.note ? { note: v.note } : {}),
  },
  close: {
    label: '销号',
    fields: [
      { name: 'opinion', label: '销号意见', type: 'textarea', required: true, value: '经复核，同意销号' },
    ],
    body: (v) => ({ opinion: v.opinion }),
  },
  return: {
    label: '退回',
    fields: [{ name: 'reason', label: '退回理由', type: 'textarea', required: true }],
    body: (v) => ({ reason: v.reason }),
  },
  approveExtension: {
    action: 'decide-extension',
    label: '同意延期',
    fields: [{ name: 'opinion', label: '审批意见', type: 'textarea', required: true, value: '同意延期' }],
    body: (v) => ({ approve: true, opinion: v.opinion }),
  },
  refuseExtension: {
    action: 'decide-extension',
    label: '不同意延期',
    fields: [{ name: 'opinion', label: '不同意的理由', type: 'textarea', required: true }],
    body: (v) => ({ approve: false, opinion: v.opinion }),
  },
  instruct: {
    label: '批示',
    fields: [{ name: 'text', label: '批示内容', type: 'textarea', required: true }],
    body: (v) => ({ text: v.text }),
  },
};

/** Opens the action's form; on success calls `done(item)` with the item's new state. */
export function runAction(key, item, done) {
  const spec = ACTIONS[key];
  const action = spec.action || key;
  openForm({
    title: `${spec.label}：${item.title || item.itemId}`,
    fields: spec.fields,
    submitLabel: spec.label,
    submit: async (values) => {
      const res = await post(
        `/api/items/${encodeURIComponent(item.itemId)}/actions/${action}`,
        spec.body(values),
      );
      toast(`${spec.label}成功，事项状态：${STATES[res.item.state] || res.item.state}`);
      done(res.item);
    },
  });
}

export function actionButton(key, item, done) {
  return h(
    'button',
    { type: 'button', 'data-action': key, onclick: () => runAction(key, item, done) },
    ACTIONS[key].label,
  );
}

/**
 * What a user may do with an item right now, by role and state. The workflow decides in the end;
 * this only offers the buttons that can succeed.
 */
export function actionsFor(user, item) {
  if (item.state === 'closed') return [];
  if (user.role === 'bureau') {
    const unit = user.unitCode;
    if (item.leadUnits.includes(unit)) {
      if (item.state === 'assigned') return ['sign'];
      if (item.state === 'signed' || item.state === 'in_progress')
        return ['progress', 'request-close', ...(item.pendingExtension ? [] : ['request-extension'])];
      return [];
    }
    const sub = (item.subTasks || []).find((s) => s.unitCode === unit);
    if (!sub || sub.state === 'done') return [];
    return sub.state === 'assigned' ? ['sign'] : ['progress', 'request-close'];
  }
  if (user.role === 'inspector') {
    const out = [];
    if (item.state === 'close_requested') out.push('review', 'return');
    if (item.state === 'under_review') out.push('close', 'return');
    if (item.pendingExtension) out.push('approveExtension', 'refuseExtension');
    return out;
  }
  if (user.role === 'leader') return ['instruct'];
  return [];
}
