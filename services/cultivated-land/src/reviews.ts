import type { PendingExtensionRequest } from '@duban/contracts';
import type { Db } from 'mongodb';
import { rectifications } from './collections';

/** The towns' rectification steps whose extension request waits for 督查室. */
export async function pendingRectificationExtensions(db: Db): Promise<PendingExtensionRequest[]> {
  const waiting = await rectifications(db)
    .find({ 'steps.extensionRequest': { $ne: null }, closedAt: null })
    .toArray();
  return waiting.flatMap((r) =>
    r.steps.flatMap((s): PendingExtensionRequest[] =>
      s.extensionRequest && s.state !== 'done'
        ? [
            {
              process: 'cultivated-land',
              itemId: r.rectificationId,
              href: `#/land/rectifications/${encodeURIComponent(r.rectificationId)}`,
              title: `${r.townName}永久基本农田划定成果核实整改`,
              docNo: r.docNo,
              ref: s.ref,
              steps: [s.title],
              unitCode: s.unitCode,
              requestedBy: s.extensionRequest.requestedBy,
              requestedAt: s.extensionRequest.requestedAt,
              currentDeadline: s.deadline,
              requestedDeadline: s.extensionRequest.newDeadline,
              reason: s.extensionRequest.reason,
              colour: s.colour,
              decide: {
                path: `/api/land/rectifications/${encodeURIComponent(r.rectificationId)}/actions/decide-extension`,
                body: { step: s.key },
                textField: 'reason',
              },
            },
          ]
        : [],
    ),
  );
}
