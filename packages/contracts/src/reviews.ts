import type { InboxProcess } from './readmodels';
import type { Colour } from './common';

/**
 * A deadline extension (延期) a bureau asked for and 督查室 has not yet decided, in any process.
 * Each process keeps its requests on its own things; the inspector sees them in one queue.
 */
export interface PendingExtensionRequest {
  process: InboxProcess;
  itemId: string;
  /** Console route of the thing. */
  href: string;
  title: string;
  docNo: string;
  ref: string;
  /** The steps the request moves (a supervision item has one deadline: empty). */
  steps: string[];
  unitCode: string;
  requestedBy: string;
  requestedAt: string;
  currentDeadline: string | null;
  requestedDeadline: string;
  reason: string;
  colour: Colour;
  /**
   * How to decide it: POST `path` with `{ ...body, approve, [textField]: opinion }`. The
   * processes name their decision text differently (opinion / note / reason).
   */
  decide: { path: string; body: Record<string, string>; textField: string };
}
