import { raiseProcessAlert, type ProcessAlertDeps } from '@duban/service-alerts';
import type { AlertDoc, CloudEvent } from '@duban/contracts';

export const KG_ALERTS_SOURCE = 'duban/services/kindergarten';

export type RaiseAlertDeps = Omit<ProcessAlertDeps, 'source'>;

/** A case's alert, raised the way every process raises one (stored once, announced once). */
export async function raiseCaseAlert(
  deps: RaiseAlertDeps,
  event: CloudEvent<string, unknown>,
  alert: Omit<AlertDoc, 'process' | 'href'>,
  announced?: string,
): Promise<void> {
  await raiseProcessAlert(
    { ...deps, source: KG_ALERTS_SOURCE },
    event,
    { ...alert, process: 'kindergarten', href: `#/kindergarten/cases/${encodeURIComponent(alert.itemId)}` },
    announced,
  );
}
