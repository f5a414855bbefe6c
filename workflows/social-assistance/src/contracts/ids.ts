/** One purchase per 民政局 plan year (the 2019 one is `GM-2019`). */
export const purchaseIdOf = (year: number): string => `GM-${year}`;
export const purchaseWorkflowId = (purchaseId: string): string => `social-assistance-${purchaseId}`;

/** A household case is known by its officer and the day and name it was taken under. */
export function householdCaseId(c: { officerCode: string; takenOn: string; applicant: string }): string {
  let hash = 0;
  for (const ch of c.applicant) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return `JZ-${c.takenOn.replace(/-/g, '')}-${c.officerCode}-${hash.toString(36)}`;
}
export const householdCaseWorkflowId = (caseId: string): string => `social-assistance-case-${caseId}`;
