import { labelledLayout } from './labelled';
import { gazetteOutlineLayout } from './outline';
import { parentheticalLayout } from './parenthetical';
import { tableLayout } from './table';
import type { NoticeLayout } from './types';

/** In order of preference: the first layout that detects a block parses it. */
export const NOTICE_LAYOUTS: readonly NoticeLayout[] = [
  tableLayout,
  labelledLayout,
  parentheticalLayout,
  gazetteOutlineLayout,
];

export type { Block, LayoutContext, LayoutResult, NoticeLayout } from './types';
