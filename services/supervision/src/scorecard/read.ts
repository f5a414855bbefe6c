// The scorecard's inputs from the read models the projector rebuilds from the event stream: the
// items' snapshots, and the extension facts of the timeline.
import { ReadModels, type TimelineDoc } from '@duban/contracts';
import { SupervisionEvents, type ItemDoc } from '@duban/workflow-supervision/client';
import type { Db } from 'mongodb';
import type { ExtensionFact } from './figures';

export async function scorecardInputs(db: Db): Promise<{ items: ItemDoc[]; extensions: ExtensionFact[] }> {
  const items = await db.collection<ItemDoc>(ReadModels.items).find({}).toArray();
  const leadsOf = new Map(items.map((i) => [i._id, i.leadUnits]));
  const steps = await db
    .collection<TimelineDoc>(ReadModels.timeline)
    .find({
      type: { $in: [SupervisionEvents.ExtensionRequested.type, SupervisionEvents.ExtensionDecided.type] },
    })
    .toArray();
  const extensions: ExtensionFact[] = [];
  for (const step of steps) {
    const at = step.at.toISOString();
    if (step.type === SupervisionEvents.ExtensionRequested.type) {
      extensions.push({ unitCode: String(step.data.unitCode), at, granted: false });
    } else if (step.data.approved === true) {
      // A decision names no unit: the extension is the lead's (only the lead may ask).
      for (const unitCode of leadsOf.get(step.itemId) ?? []) extensions.push({ unitCode, at, granted: true });
    }
  }
  return { items, extensions };
}
