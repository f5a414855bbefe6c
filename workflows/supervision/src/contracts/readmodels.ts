import type { ItemSnapshot } from './model';

/** An item as the projector keeps it in `items` (DESIGN §2). */
export interface ItemDoc extends ItemSnapshot {
  _id: string;
  /** Last time the item changed, from the event time. */
  updatedAt: Date;
  latestProgress: { text: string; at: Date; unitCode: string } | null;
}

const SUPERVISION_STEP_LABELS: Record<string, string> = {
  assigned: '待签收',
  signed: '已签收，待办理',
  in_progress: '办理中',
  subtask_assigned: '配合子任务待签收',
  subtask_signed: '配合子任务已签收',
  subtask_in_progress: '配合子任务办理中',
};

/** The Chinese label of a supervision inbox step (an item state or a sub-task state). */
export function supervisionStepLabel(step: string): string {
  return SUPERVISION_STEP_LABELS[step] ?? step;
}
