import type { NoticeYear } from '../deadlines';
import type { NoticeLine } from '../notice/lines';
import type { Article, Target, Task } from '../schema';
import type { WarningLog } from '../warnings';

/** A run of a notice's content: prose lines (one section) or the rows of one table. */
export interface Block {
  kind: 'prose' | 'table';
  lines: NoticeLine[];
  /** Headings above the block (an attachment's title). */
  path: string[];
}

export interface LayoutContext {
  log: WarningLog;
  /** The year yearless deadlines fall in, when the notice gives one. */
  year?: NoticeYear;
  /** The notice's whole text as lines, for layouts that read the source itself. */
  source: readonly string[];
}

export interface LayoutResult {
  tasks: Task[];
  targets: Target[];
  articles: Article[];
}

/** One way notices lay out their tasks; the first layout that detects a block parses it. */
export interface NoticeLayout {
  name: string;
  detect(block: Block): boolean;
  parse(block: Block, ctx: LayoutContext): LayoutResult;
}
