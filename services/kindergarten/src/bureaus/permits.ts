// Shared by the 住建局 and 自然资源局 modules: applying a hold event to the bureau's own read model.
import type { CaseSnapshot, Hold, HoldKind } from '@duban/workflow-kindergarten/client';
import type { Collection } from 'mongodb';
import { upsertNewer, type PermitHoldDoc } from '../collections';

export async function applyHold(
  permits: Collection<PermitHoldDoc>,
  kind: HoldKind,
  data: { case: CaseSnapshot; hold: Hold },
  at: string,
): Promise<void> {
  if (data.hold.kind !== kind) return; // the other bureau's hold
  const c = data.case;
  await upsertNewer(permits, {
    _id: `${c.projectId}|${kind}`,
    projectId: c.projectId,
    projectName: c.facts.projectName,
    caseId: c.caseId,
    campaignId: c.campaignId,
    hold: data.hold,
    held: data.hold.liftedAt === null,
    version: c.version,
    updatedAt: new Date(at),
  });
}
