// What the signed-in user may do on a kindergarten case: a bureau on its own open steps, 教育局
// the plan and the way the kindergarten is run, 督查室 the extension requests. The case workflow
// decides in the end; a refusal (409) is shown in the dialog in its own Chinese words.
import { post } from '/api.js';
import { CATEGORIES, CATEGORY_ORDER, OPERATION_MODES, PHASES } from './kg.js';
import { h, openForm, toast } from '/ui.js';

const ACTIONS = {
  'complete-step': {
    label: '办结',
    fields: () => [{ name: 'note', label: '办理情况（可不填）', type: 'textarea' }],
    body: (v, step) => (v.note ? { step: step.key, note: v.note } : { step: step.key }),
  },
  plan: {
    label: '确定整改类别',
    fields: (c) => [
      {
        name: 'category',
        label: '整改类别',
        type: 'select',
        options: CATEGORY_ORDER.map((k) => ({ value: k, label: CATEGORIES[k] })),
        value: c.facts.proposedCategory,
      },
      { name: 'note', label: '整改方案（一事一议、一园一案）', type: 'textarea', required: true },
    ],
    body: (v) => ({ category: v.category, note: v.note }),
  },
  operate: {
    label: '确定办园方式',
    fields: (c) => [
      {
        name: 'mode',
        label: '办园方式（不得办成营利性幼儿园）',
        type: 'select',
        options: ['public', 'inclusive_private'].map((k) => ({ value: k, label: OPERATION_MODES[k] })),
        value: c.category === 'inclusive' ? 'inclusive_private' : 'public',
      },
      { name: 'note', label: '说明（可不填）', type: 'textarea' },
    ],
    body: (v) => (v.note ? { mode: v.mode, note: v.note } : { mode: v.mode }),
  },
  'report-progress': {
    label: '报送进展',
    fields: () => [{ name: 'text', label: '进展情况', type: 'textarea', required: true }],
    body: (v, step) => ({ text: v.text, steps: [step.key] }),
  },
  'request-extension': {
    label: '申请延期',
    fields: () => [
      { name: 'newDeadline', label: '申请延至', type: 'date', required: true },
      { name: 'reason', label: '延期理由', type: 'textarea', required: true },
    ],
    body: (v, step) => ({ steps: [step.key], newDeadline: v.newDeadline, reason: v.reason }),
  },
  'approve-extension': {
    action: 'decide-extension',
    label: '同意延期',
    fields: (c) => [
      {
        name: 'newDeadline',
        label: '批准延至',
        type: 'date',
        required: true,
        value: c.pendingExtension && c.pendingExtension.requestedDeadline,
      },
      { name: 'note', label: '审批意见', type: 'textarea', required: true, value: '同意延期' },
    ],
    body: (v) => ({ approve: true, newDeadline: v.newDeadline, note: v.note }),
  },
  'refuse-extension': {
    action: 'decide-extension',
    label: '不同意延期',
    fields: () => [{ name: 'note', label: '不同意的理由', type: 'textarea', required: true }],
    body: (v) => ({ approve: false, note: v.note }),
  },
};

function button(key, c, step, done) {
  const spec = ACTIONS[key];
  const action = spec.action || key;
  const what = step ? `${step.title}` : c.facts.projectName;
  return h(
    'button',
    {
      type: 'button',
      'data-action': key,
      'data-step': step ? step.key : null,
      onclick: () =>
        openForm({
          title: `${spec.label}：${what}`,
          fields: spec.fields(c, step),
          submitLabel: spec.label,
          submit: async (values) => {
            const next = await post(
              `/api/cases/${encodeURIComponent(c.caseId)}/actions/${action}`,
              spec.body(values, step),
            );
            toast(`${spec.label}成功，个案阶段：${PHASES[next.phase] || next.phase}`);
            done(next);
          },
        }),
    },
    spec.label,
  );
}

/** The buttons of one step row: only the step's own bureau acts on it, and only while it is open. */
export function stepActions(user, c, step, done) {
  if (c.phase === 'closed' || user.role !== 'bureau' || step.unitCode !== user.unitCode) return [];
  if (step.state === 'waiting') return [h('span', { class: 'muted small' }, '待前序步骤完成')];
  if (step.state !== 'open') return [];
  const main = step.key === 'plan' ? 'plan' : step.key === 'operation_decided' ? 'operate' : 'complete-step';
  const out = [button(main, c, step, done)];
  // Monthly progress reports are owed on rectification steps (DESIGN §5 滞后).
  if (step.phase === 'rectifying') out.push(button('report-progress', c, step, done));
  if (!c.pendingExtension && step.deadline && step.phase === c.phase)
    out.push(button('request-extension', c, step, done));
  return out;
}

/** Case-wide buttons: 督查室 decides a pending extension request. */
export function caseActions(user, c, done) {
  if (c.phase === 'closed') return [];
  if (user.role === 'inspector' && c.pendingExtension)
    return [button('approve-extension', c, null, done), button('refuse-extension', c, null, done)];
  return [];
}
