// Read-model documents as the land API answers them.
import type { LandSuspensionDoc } from '../collections';

export const CL_TAGS = ['land'];

export const engineProblems = { 503: '工作流引擎暂不可用', 504: '工作流未按时答复' };

/** The status of one town's land business as the suspension route answers it. */
export function suspensionView(townCode: string, townName: string, doc: LandSuspensionDoc | null) {
  return {
    townCode,
    townName,
    suspended: doc?.suspended ?? false,
    assessmentId: doc?.assessmentId ?? null,
    year: doc?.year ?? null,
    reason: doc?.suspended ? doc.reason : null,
    since: doc?.since ?? null,
    rectificationDeadline: doc?.rectificationDeadline ?? null,
    liftedAt: doc?.liftedAt ?? null,
  };
}

export function strip<T extends object>(doc: T): Omit<T, '_id' | 'updatedAt'> {
  const { _id: _a, updatedAt: _b, ...rest } = doc as T & { _id?: unknown; updatedAt?: unknown };
  return rest as Omit<T, '_id' | 'updatedAt'>;
}

export function timelineView(doc: { at: Date } & Record<string, unknown>) {
  return { ...doc, at: doc.at.toISOString() };
}
