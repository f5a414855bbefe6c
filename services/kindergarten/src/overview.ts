import type { Campaign, CaseSnapshot } from '@duban/contracts';

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Counts by category, phase, bureau and colour, and the cases at risk (red or blue). */
export function campaignOverview(campaign: Campaign, all: CaseSnapshot[]) {
  const byCategory: Record<string, number> = {};
  const byPhase: Record<string, number> = {};
  const byColour: Record<string, number> = {};
  const byBureau: Record<string, { open: number; red: number; blue: number }> = {};
  for (const c of all) {
    bump(byCategory, c.category ?? `proposed:${c.facts.proposedCategory}`);
    bump(byPhase, c.phase);
    bump(byColour, c.colour);
    for (const s of c.steps.filter((x) => x.state !== 'done')) {
      const b = (byBureau[s.unitCode] ??= { open: 0, red: 0, blue: 0 });
      b.open += 1;
      if (s.colour === 'red') b.red += 1;
      if (s.colour === 'blue') b.blue += 1;
    }
  }
  const atRisk = all
    .filter((c) => c.colour === 'red' || c.colour === 'blue')
    .sort((a, b) => (a.colour === b.colour ? a.caseId.localeCompare(b.caseId) : a.colour === 'red' ? -1 : 1))
    .map((c) => ({
      caseId: c.caseId,
      projectName: c.facts.projectName,
      town: c.facts.town,
      colour: c.colour,
      phase: c.phase,
      redSince: c.redSince,
      steps: c.steps
        .filter((s) => s.state !== 'done' && (s.colour === 'red' || s.colour === 'blue'))
        .map((s) => ({
          key: s.key,
          title: s.title,
          unitCode: s.unitCode,
          deadline: s.deadline,
          colour: s.colour,
        })),
    }));
  return {
    campaign,
    total: all.length,
    byCategory,
    byPhase,
    byColour,
    byBureau,
    atRisk,
    holds: all.flatMap((c) =>
      c.holds.map((h) => ({
        caseId: c.caseId,
        projectId: c.projectId,
        kind: h.kind,
        held: h.liftedAt === null,
      })),
    ),
  };
}
