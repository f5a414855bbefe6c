export function tripWorkflowId(tripId: string): string {
  return `tourism-trip-${tripId}`;
}

/** One settlement per agency and year (三.4 年底结算). */
export function settlementId(agencyCode: string, year: number): string {
  return `${agencyCode}-${year}`;
}

export function settlementWorkflowId(agencyCode: string, year: number): string {
  return `tourism-settlement-${settlementId(agencyCode, year)}`;
}
