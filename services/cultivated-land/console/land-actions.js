// The 耕地保护 actions: one button opens a form, posts the body the API expects, and hands the
// answer to `done`; a refusal (409, 400) stays in the dialog in the API's Chinese words.
import { post } from '/api.js';
import { h, openForm, toast } from '/ui.js';

/** The three targets of 耕地保护责任目标 (三(十)), in mu. */
export const TARGETS = {
  cultivatedLandMu: '耕地保有量（亩）',
  basicFarmlandMu: '永久基本农田保护面积（亩）',
  highStandardMu: '高标准农田建设面积（亩）',
};

export const targetFields = (values = {}) =>
  Object.entries(TARGETS).map(([name, label]) => ({
    name,
    label,
    type: 'number',
    required: true,
    value: values[name] === undefined ? undefined : String(values[name]),
  }));

export const targetsOf = (v) => Object.fromEntries(Object.keys(TARGETS).map((k) => [k, Number(v[k])]));

/** Lines "图斑编号 面积" (space, comma or tab) → parcels; a bad line is named. */
export function parcelsOf(text) {
  return (text || '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [parcelNo, area] = line.split(/[\s,，\t]+/);
      const areaMu = Number(area);
      if (!parcelNo || !Number.isFinite(areaMu) || areaMu <= 0)
        throw new Error(`图斑“${line}”应写成：图斑编号 面积（亩）`);
      return { parcelNo, areaMu };
    });
}

/**
 * A button that runs one action. `spec`: { key, label, title, path, fields, body(values), done(answer),
 * ok(answer) → toast text, recover(error) → true when a refusal was recorded and is shown }.
 */
export function landAction(spec) {
  return h(
    'button',
    {
      type: 'button',
      'data-action': spec.key,
      'data-step': spec.step || null,
      class: spec.primary ? 'primary' : null,
      onclick: () =>
        openForm({
          title: spec.title || spec.label,
          fields: spec.fields || [],
          submitLabel: spec.label,
          submit: async (values) => {
            let answer;
            try {
              answer = await post(spec.path, spec.body ? spec.body(values) : {});
            } catch (e) {
              // A refusal that is itself a recorded decision closes the form (see `recover`).
              if (spec.recover && spec.recover(e)) return;
              throw e;
            }
            toast(spec.ok ? spec.ok(answer) : `${spec.label}成功`);
            spec.done(answer);
          },
        }),
    },
    spec.label,
  );
}
