import { defineGrants } from '@duban/contracts';

const natres = (what: string) =>
  ({
    roles: ['bureau'],
    units: ['natres'],
    refusal: `${what}由自然资源局办理（青政办发〔2019〕28号）`,
  }) as const;

/**
 * Who may take each action of 占补平衡 and the illegal-occupation cases (二(三)、二(七)): 自然资源局
 * keeps the ledger and investigates; 督查室 alone extends a case. The workflows check again.
 */
export const LandUseGrants = defineGrants({
  'accept-compensation': natres('补充耕地验收入库'),
  'request-occupation': natres('建设占用耕地审批'),
  'confirm-reclamation': natres('临时用地复垦验收'),
  'open-case': natres('违法占地案件立案'),
  /** Each step of a case: investigate, decide, rectify, close, transfer. */
  'case-step': {
    roles: ['bureau'],
    units: ['natres'],
    refusal: '违法占地案件由自然资源局查处（青政办发〔2019〕28号 二(七)）',
  },
  extend: { roles: ['inspector'], refusal: '延期须经督查室批准' },
});
