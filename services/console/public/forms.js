// Forms of a process page's actions, shared by the process pages: field builders, the API's
// problem in the form's words, and one button per action the server says the user may take now.
// A refusal (403, 409) is shown in the dialog as the API wrote it (its detail names the clause);
// a refused field (400) by the label the form gave it.
import { post } from './api.js';
import { h, openForm, todayShanghai, toast } from './ui.js';

const options = (choices) =>
  Array.isArray(choices) ? choices : Object.entries(choices).map(([value, label]) => ({ value, label }));
const text = (value) => (value === undefined || value === null ? undefined : String(value));

/** Field builders for openForm: every one required unless `required: false` is passed. */
export const field = {
  date: (name, label, value = todayShanghai()) => ({ name, label, type: 'date', required: true, value }),
  line: (name, label, { required = true, value } = {}) => ({
    name,
    label,
    type: 'text',
    required,
    value: text(value),
  }),
  text: (name, label, { required = true, value, placeholder } = {}) => ({
    name,
    label,
    type: 'textarea',
    required,
    value: text(value),
    placeholder,
  }),
  number: (name, label, { required = true, value } = {}) => ({
    name,
    label,
    type: 'number',
    required,
    value: text(value),
  }),
  /** A select from [{ value, label }] or { value: label }. */
  choice: (name, label, choices, value) => ({
    name,
    label,
    type: 'select',
    options: options(choices),
    value,
  }),
  /** A yes/no select read back with `yes(values.x)`. */
  yesNo: (name, label, { yes = '是', no = '否', value = 'true' } = {}) => ({
    name,
    label,
    type: 'select',
    options: [
      { value: 'true', label: yes },
      { value: 'false', label: no },
    ],
    value,
  }),
};
export const yes = (value) => value === 'true';

/** Schema messages written in English in the contracts, as the console shows them. */
const MESSAGES = {
  'must not be empty': '不能为空',
  'must be greater than 0': '须大于 0',
  'at most 2 decimals (0.01 元)': '最多两位小数（0.01 元）',
};

/**
 * The API's 400 problem in the form's words: `body.scores.socialEffect` is shown by the label
 * `labels.socialEffect` (else the form field of that name), the schema's message in Chinese.
 * Any other problem keeps the API's detail, which already says why and names the clause.
 */
export function problemInForm(error, fields = [], labels = {}) {
  const p = error && error.problem;
  if (!p || !Array.isArray(p.errors) || !p.errors.length) return error;
  const byName = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  const named = p.errors.map((e) => {
    const key = String(e.field)
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1);
    return `${labels[key] ?? byName[key] ?? key}：${MESSAGES[e.message] ?? e.message}`;
  });
  error.message = `填写有误：${named.join('；')}`;
  return error;
}

/**
 * Opens a form and posts its body to `path`; a problem stays in the dialog (in the form's words),
 * success shows `done` and calls `after(answer)`.
 */
export function postForm({ title, fields, labels, submitLabel, path, body, done, after }) {
  return openForm({
    title,
    fields,
    ...(submitLabel ? { submitLabel } : {}),
    submit: async (values) => {
      let answer;
      try {
        answer = await post(path, body(values));
      } catch (error) {
        throw problemInForm(error, fields, labels);
      }
      toast(done);
      await after(answer);
    },
  });
}

/**
 * One button per action the server lists as open to this user (`actions`, in its order), each
 * with its spec from `specs`: { label, fields(thing), body(values, thing), labels? }. The body
 * goes to `pathOf(action)`; `after(answer)` re-renders the page.
 */
export function actionButtons({ actions, specs, thing, subject, pathOf, after }) {
  return actions
    .filter((action) => specs[action])
    .map((action) => {
      const spec = specs[action];
      return h(
        'button',
        {
          type: 'button',
          'data-action': action,
          onclick: () =>
            postForm({
              title: `${spec.label}：${subject}`,
              fields: spec.fields(thing),
              labels: spec.labels,
              submitLabel: spec.label,
              path: pathOf(action),
              body: (values) => spec.body(values, thing),
              done: `${spec.label}：已办理`,
              after,
            }),
        },
        spec.label,
      );
    });
}
