// The suspension hold of 二(十): 对未完成耕地保护任务的镇(场)…责令限期整改，整改期间暂停办理涉及
// 土地管理的有关业务. The yearly assessment (cultivated-land service) keeps `land_suspensions`; this
// service only reads it, so the two processes share a collection, not code.
import type { Db } from 'mongodb';

export const LAND_SUSPENSIONS = 'land_suspensions';

/** One document per town, maintained by the yearly assessment. */
export interface LandSuspensionDoc {
  _id: string; // townCode
  townCode: string;
  suspended: boolean;
  assessmentId: string;
  year: number;
  /** Chinese, names the assessment. */
  reason: string;
  since: string;
  rectificationDeadline: string;
  liftedAt: string | null;
  updatedAt: string | Date;
}

export async function activeSuspension(db: Db, townCode: string): Promise<LandSuspensionDoc | null> {
  return db.collection<LandSuspensionDoc>(LAND_SUSPENSIONS).findOne({ _id: townCode, suspended: true });
}

export async function suspendedTownCodes(db: Db): Promise<string[]> {
  const docs = await db.collection<LandSuspensionDoc>(LAND_SUSPENSIONS).find({ suspended: true }).toArray();
  return docs.map((d) => d.townCode);
}
