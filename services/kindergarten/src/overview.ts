import type { Campaign, CaseSnapshot } from '@duban/workflow-kindergarten/client';

/** Colours that put a case at risk, worst first. */
const risk: Partial<Record<string, number>> = { red: 0, yellow: 1, blue: 2 };

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Counts by category, phase, bureau and colour, and the cases at risk (red, yellow or blue). */
export function campaignOverview(campaign: Campaign, all: CaseSnapshot[]) {
  const byCategory: Record<string, number> = {};
  const byPhase: Record<string, number> = {};
  const byColour: Record<string, number> = {};
  const byBureau: Record<string, { open: number; red: number; yellow: number; blue: number }> = {};
  for (const c of all) {
    bump(byCategory, c.category ?? `proposed:${c.facts.proposedCategory}`);
    bump(byPhase, c.phase);
    bump(byColour, c.colour);
    for (const s of c.steps.filter((x) => x.state !== 'done')) {
      const b = (byBureau[s.unitCode] ??= { open: 0, red: 0, yellow: 0, blue: 0 });
      b.open += 1;
      if (s.colour === 'red') b.red += 1;
      if (s.colour === 'yellow') b.yellow += 1;
      if (s.colour === 'blue') b.blue += 1;
    }
  }
  const atRisk = all
    .filter((c) => risk[c.colour] !== undefined)
    .sort((a, b) => risk[a.colour]! - risk[b.colour]! || a.caseId.localeCompare(b.caseId))
    .map((c) => ({
      caseId: c.caseId,
      projectName: c.facts.projectName,
      town: c.facts.town,
      colour: c.colour,
      phase: c.phase,
      redSince: c.redSince,
      escalatedAt: c.escalatedAt ?? null,
      pendingExtension: c.pendingExtension ?? null,
      steps: c.steps
        .filter((s) => s.state !== 'done' && risk[s.colour] !== undefined)
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
