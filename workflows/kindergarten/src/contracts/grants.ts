import { defineGrants, type GrantTable } from '@duban/contracts';
import type { CaseActionName } from './commands';

const stepHolder = '办理该步骤的单位';

/** Who may take each action on a case (DESIGN §7.2); the case workflow checks the same again. */
export const CaseGrants: GrantTable<CaseActionName> = defineGrants({
  'complete-step': { roles: ['bureau'], owner: stepHolder },
  plan: { roles: ['bureau'], units: ['edu'], refusal: '整改方案由教育局牵头制定（四(二)）' },
  operate: { roles: ['bureau'], units: ['edu'], refusal: '办园方式由教育局确定（三(四)）' },
  'report-progress': { roles: ['bureau'], owner: stepHolder, refusal: '进展由办理步骤的责任单位报送' },
  'request-extension': {
    roles: ['bureau'],
    owner: stepHolder,
    refusal: '延期由办理步骤的责任单位申请，督查室审批',
  },
  'decide-extension': { roles: ['inspector'], refusal: '延期须经督查室批准' },
});

/** 教育局 keeps the ledger (四(一)). */
const ledgerKeeper = { roles: ['bureau'], units: ['edu'], refusal: '台账由教育局汇总（四(一)）' } as const;

/** The process's other actions: the round, the ledger and the permits held on a project (三(一)). */
export const KindergartenGrants = defineGrants({
  'open-campaign': {
    roles: ['bureau', 'inspector'],
    units: ['edu'],
    refusal: '只有教育局或督查室可以开启治理工作',
  },
  'register-case': ledgerKeeper,
  'import-ledger': ledgerKeeper,
  'grant-completion-filing': { roles: ['bureau'], units: ['hous'], refusal: '竣工验收备案由住建局办理' },
  'grant-construction-start': { roles: ['bureau'], units: ['natres'], refusal: '开工许可由自然资源局办理' },
  ...CaseGrants,
});
