/** The city has one compensation ledger (二(三) 统筹协调解决全市的耕地占补平衡问题). */
export const LAND_LEDGER_ID = 'qingtongxia';
export const LAND_LEDGER_WORKFLOW_ID = `land-use-ledger-${LAND_LEDGER_ID}`;

export function landCaseWorkflowId(caseId: string): string {
  return `land-use-case-${caseId}`;
}
