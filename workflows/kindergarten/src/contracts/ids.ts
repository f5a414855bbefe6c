// Ids derived from campaign and project so that importing the same ledger twice finds the same case.

/** FNV-1a (32 bit) of a string, as 8 hex digits: short, ASCII, stable. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A residential project is known by its town and name (whitespace ignored). */
export function projectIdOf(town: string, projectName: string): string {
  return `p-${fnv1a(`${town.replace(/\s+/g, '')}/${projectName.replace(/\s+/g, '')}`)}`;
}

export function caseIdOf(campaignId: string, projectId: string): string {
  return `${campaignId}.${projectId}`;
}

export function kindergartenCaseWorkflowId(caseId: string): string {
  return `kindergarten-case-${caseId}`;
}

export function rectificationWorkflowId(caseId: string): string {
  return `kindergarten-case-${caseId}/rectification`;
}
