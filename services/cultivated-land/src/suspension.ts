import type { Db } from 'mongodb';
import { suspensions, type LandSuspensionDoc } from './collections';

/**
 * The hold on a town's land-management business (三(十)), or null when the town is free. Other
 * services (land-use approvals) refuse a request in a suspended town with `reason`.
 */
export async function activeSuspension(db: Db, townCode: string): Promise<LandSuspensionDoc | null> {
  return suspensions(db).findOne({ _id: townCode, suspended: true });
}
