import type { ConfirmResult } from './confirm-result';
import type { ImportDraftDoc, Preview } from './drafts';

const inLines = (line: number | undefined, lines: { from: number; to: number }) =>
  line !== undefined && line >= lines.from && line <= lines.to;

export function previewView(draft: ImportDraftDoc, preview: Preview) {
  const added = new Set(preview.diff.added.map((t) => t.itemId));
  const changed = new Set(preview.diff.changed.map((t) => t.itemId));
  const undated = preview.parsed.warnings.filter((w) => w.kind === 'unparsed-deadline');
  return {
    id: draft._id,
    kind: draft.kind,
    fileName: draft.fileName,
    createdAt: draft.createdAt.toISOString(),
    createdBy: draft.createdBy,
    documents: preview.planned.map((p) => ({
      docId: p.doc._id,
      key: p.doc.key,
      docNo: p.doc.docNo,
      title: p.doc.title,
      issuedOn: p.doc.issuedOn,
      tasks: p.tasks.map((t) => ({
        itemId: t._id,
        ref: t.ref,
        kind: t.kind,
        title: t.title,
        text: t.text,
        lead: t.lead,
        cooperating: t.cooperating,
        deadline: t.deadline,
        deadlines: t.deadlines,
        recurringDeadlines: t.recurringDeadlines,
        undatedPhrases: undated.filter((w) => inLines(w.line, t.source.lines)).map((w) => w.message),
        indicators: t.indicators,
        sourceLines: t.source.lines,
        change: added.has(t._id)
          ? ('added' as const)
          : changed.has(t._id)
            ? ('changed' as const)
            : ('unchanged' as const),
      })),
    })),
    warnings: preview.parsed.warnings,
    unknownUnits: preview.unknownUnits,
    blocking: preview.blocking,
    diff: preview.diff,
    confirmed: draft.confirmed ? { at: draft.confirmed.at.toISOString(), by: draft.confirmed.by } : null,
  };
}

export function resultView(draftId: string, r: ConfirmResult) {
  return {
    id: draftId,
    at: r.at.toISOString(),
    by: r.by,
    requestId: r.requestId,
    proceededDespite: r.proceededDespite,
    diff: r.diff,
    totals: { documents: r.summary.totals.documents.total, tasks: r.summary.totals.tasks.total },
    start: {
      started: r.start.started,
      alreadyRunning: r.start.alreadyRunning,
      alreadyClosed: r.start.alreadyClosed,
      skipped: r.start.skipped,
    },
    revisions: r.revisions,
    items: r.items,
  };
}
