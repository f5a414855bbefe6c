import { defineGrants, type Grant, type GrantTable } from '@duban/contracts';
import type { AssessmentActionName, RectificationActionName } from './commands';

/** Each step of a rectification is done by the unit that holds it (the workflow knows which). */
export const RectificationStepGrant: Grant = { roles: ['bureau'], owner: '办理该步骤的单位' };
const town = '该镇(场)';

/** Who may take each action on a town's rectification (二(二)); the workflow checks again. */
export const RectificationGrants: GrantTable<RectificationActionName> = defineGrants({
  'complete-step': RectificationStepGrant,
  'list-problems': RectificationStepGrant,
  'submit-plan': RectificationStepGrant,
  'review-plan': RectificationStepGrant,
  'request-extension': RectificationStepGrant,
  'decide-extension': { roles: ['inspector'], refusal: '延期须经督查室批准' },
});

/** Who may take each action on a town's yearly assessment (三(九)、三(十)); the workflow checks again. */
export const AssessmentGrants: GrantTable<AssessmentActionName> = defineGrants({
  report: { roles: ['bureau'], owner: town },
  // The 市政府 decides (三(十)), 督查室 acting for it; 自然资源局 only on assessments begun before
  // patch `cl-28-3-10-city-assesses` (the workflow knows which and refuses the other).
  assess: {
    roles: ['inspector', 'bureau'],
    units: ['natres'],
    refusal: '考核由市政府（督查室）办理（三(十)）',
  },
  commend: { roles: ['inspector'], refusal: '通报表彰由市政府（督查室）决定（三(十)）' },
  'report-rectification': { roles: ['bureau'], owner: town },
  'verify-rectification': {
    roles: ['bureau'],
    units: ['natres'],
    refusal: '整改核查由自然资源局办理（三(九)）',
  },
});

/** 自然资源局 or the supervision office opens a round of rectification and sets the yearly targets. */
const natresOrOffice = (refusal: string) =>
  ({ roles: ['bureau', 'inspector'], units: ['natres'], refusal }) as const;

/** The process's actions on no one thing: a round of rectification, the year's targets. */
export const CultivatedLandGrants = defineGrants({
  'open-rectification-campaign': natresOrOffice('整改工作由自然资源局或督查室开启'),
  'set-assessment-targets': natresOrOffice('考核目标由自然资源局或督查室下达'),
});
