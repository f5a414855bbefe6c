// Ids from campaign/year and town, so a second start of the same thing finds the first.

export function rectificationIdOf(campaignId: string, townCode: string): string {
  return `${campaignId}.${townCode}`;
}

export function townRectificationWorkflowId(rectificationId: string): string {
  return `cultivated-rectification-${rectificationId}`;
}

/** e.g. `cl-assess-2019-town-xiaoba`; the suspension's reason names it. */
export function assessmentIdOf(year: number, townCode: string): string {
  return `cl-assess-${year}-${townCode}`;
}

export function townAssessmentWorkflowId(assessmentId: string): string {
  return `cultivated-assessment-${assessmentId}`;
}
