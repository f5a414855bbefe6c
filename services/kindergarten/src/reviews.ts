import type { PendingExtensionRequest } from '@duban/contracts';
import type { Db } from 'mongodb';
import { cases } from './collections';
import { caseTitle } from './inbox';

/** The cases whose extension request waits for 督查室 (the inspector's review queue). */
export async function pendingCaseExtensions(db: Db): Promise<PendingExtensionRequest[]> {
  const waiting = await cases(db)
    .find({ pendingExtension: { $ne: null }, closedAt: null })
    .toArray();
  return waiting.flatMap((c) => {
    const p = c.pendingExtension;
    if (!p) return [];
    const steps = c.steps.filter((s) => p.steps.includes(s.key));
    const deadlines = steps.map((s) => s.deadline).filter((d): d is string => d !== null);
    return [
      {
        process: 'kindergarten',
        itemId: c.caseId,
        href: `#/kindergarten/cases/${encodeURIComponent(c.caseId)}`,
        title: caseTitle(c),
        docNo: c.docNo,
        ref: steps[0]?.ref ?? '',
        steps: steps.map((s) => s.title),
        unitCode: p.unitCode,
        requestedBy: p.requestedBy,
        requestedAt: p.requestedAt,
        currentDeadline: deadlines.sort()[0] ?? null,
        requestedDeadline: p.requestedDeadline,
        reason: p.reason,
        colour: c.colour,
        decide: {
          path: `/api/cases/${encodeURIComponent(c.caseId)}/actions/decide-extension`,
          body: {},
          textField: 'note',
        },
      },
    ];
  });
}
