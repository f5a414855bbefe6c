import { supervisionStepLabel } from '@duban/workflow-supervision/client';
import { type AlertDoc, type InboxDoc } from '@duban/contracts';

// Read-model documents as the API shows them: no Mongo `_id` (each has its own id field), and
// instants as ISO strings.

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : value;
}

/** Entries written before the inbox was shared by every process carry no process, link or label. */
export function toInboxView(doc: InboxDoc, daysLeft: number | null) {
  const { _id, updatedAt, ...entry } = doc;
  return {
    ...entry,
    process: entry.process ?? 'supervision',
    href: entry.href ?? `#/items/${encodeURIComponent(entry.itemId)}`,
    stepLabel: entry.stepLabel ?? supervisionStepLabel(entry.step),
    updatedAt: iso(updatedAt),
    daysLeft,
  };
}

/** Alerts stored before they named their process are supervision's. */
export function toAlertView(doc: AlertDoc) {
  const { _id, createdAt, ...alert } = doc;
  return {
    id: _id,
    ...alert,
    process: alert.process ?? 'supervision',
    href: alert.href ?? `#/items/${encodeURIComponent(alert.itemId)}`,
    createdAt: iso(createdAt),
  };
}
