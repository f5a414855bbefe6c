import type { ParseWarning, WarningKind } from './schema';

/** Collects what the parser could not place or resolve; nothing is dropped silently. */
export class WarningLog {
  readonly items: ParseWarning[] = [];

  constructor(private readonly docNo?: string) {}

  /** A log that stamps every warning with the document it came from. */
  forDocument(docNo: string): WarningLog {
    const child = new WarningLog(docNo);
    // Share the list so the order of discovery is kept.
    (child as { items: ParseWarning[] }).items = this.items;
    return child;
  }

  /** A log whose warnings are thrown away: for trial parses whose result may be discarded. */
  quiet(): WarningLog {
    return new WarningLog(this.docNo);
  }

  add(kind: WarningKind, message: string, line?: number): void {
    const warning: ParseWarning = { kind, message };
    if (line !== undefined) warning.line = line;
    if (this.docNo) warning.docNo = this.docNo;
    this.items.push(warning);
  }
}
