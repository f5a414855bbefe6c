// Import drafts: a notice read and parsed but not yet imported. The draft keeps the text (gzipped:
// a Mongo document holds 16 MB); its preview is computed again at every read, so units an admin has
// just mapped are picked up ("the import goes on").
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Binary, type Db } from 'mongodb';
import { HttpProblem } from '@duban/http';
import type { ParseWarning } from '@duban/gazette';
import { diffTasks, type NoticeDiff } from '../diff';
import { catalogCollections, CatalogImportError, plan, type PlannedDocument } from '../import';
import { parseNoticeForOffice, type NoticeInput, type ParsedNotice } from '../notice-input';
import type { ConfirmResult } from './confirm-result';

export const IMPORT_DRAFTS = 'catalog_import_drafts';

/** Who acted: every draft and every confirm is attributable to a user and, for a bureau, a unit. */
export interface ImportActor {
  userId: string;
  name: string;
  role: string;
  unitCode: string | null;
}

export interface ImportDraftDoc {
  _id: string;
  kind: NoticeInput['kind'];
  fileName: string | null;
  /** The notice's text, gzipped. */
  text: Binary;
  createdAt: Date;
  createdBy: ImportActor;
  confirmed: ConfirmResult | null;
}

/** Largest gzipped text a draft stores (a Mongo document is at most 16 MB). */
const MAX_STORED_BYTES = 15 * 1024 * 1024;

export const draftsOf = (db: Db) => db.collection<ImportDraftDoc>(IMPORT_DRAFTS);

/** A draft in memory: stored only once its preview succeeded, so a bad file leaves nothing behind. */
export function newDraft(input: NoticeInput, by: ImportActor, now: Date): ImportDraftDoc {
  const zipped = gzipSync(Buffer.from(input.text, 'utf8'));
  if (zipped.byteLength > MAX_STORED_BYTES)
    throw new HttpProblem(413, '文件文字内容过多，无法暂存预览；请拆分后分别导入 (the text is too large)');
  const draft: ImportDraftDoc = {
    _id: `imp-${randomUUID()}`,
    kind: input.kind,
    fileName: input.fileName ?? null,
    text: new Binary(zipped),
    createdAt: now,
    createdBy: by,
    confirmed: null,
  };
  return draft;
}

export const draftText = (draft: ImportDraftDoc): string => gunzipSync(draft.text.buffer).toString('utf8');

/** The name a file's clauses cite as their source. */
export const sourceNameOf = (draft: Pick<ImportDraftDoc, 'fileName' | '_id'>): string =>
  draft.fileName ?? `粘贴文本-${draft._id}`;

/** An unknown unit as the preview lists it: the name (when the warning quotes one) and where. */
export interface UnknownUnit {
  name: string | null;
  line: number | null;
  message: string;
}

/** A task the notice gives no lead unit because one of its units is unknown: it blocks a confirm. */
export interface BlockingTask {
  itemId: string;
  ref: string;
  title: string;
  names: string[];
}

export interface Preview {
  parsed: ParsedNotice;
  planned: PlannedDocument[];
  diff: NoticeDiff;
  unknownUnits: UnknownUnit[];
  blocking: BlockingTask[];
}

const QUOTED = /["“「『]([^"”」』]+)["”」』]/u;

function unknownUnitsOf(warnings: readonly ParseWarning[]): UnknownUnit[] {
  return warnings
    .filter((w) => w.kind === 'unknown-unit')
    .map((w) => ({ name: QUOTED.exec(w.message)?.[1] ?? null, line: w.line ?? null, message: w.message }));
}

/** Parses the draft with the office's registry and compares it with the catalog; writes nothing. */
export async function previewOf(
  db: Db,
  draft: ImportDraftDoc,
  parse: typeof parseNoticeForOffice = parseNoticeForOffice,
): Promise<Preview> {
  const text = draftText(draft);
  const parsed = await parse(text, db);
  // A text with no clause at all (a sentence, a letter) is no notice to supervise.
  const clauses = parsed.documents.reduce(
    (n, d) => n + d.tasks.length + d.targets.length + d.articles.length,
    0,
  );
  if (clauses === 0)
    throw new HttpProblem(
      400,
      '没有找到通知或任务：请确认文件是一份通知、方案或任务分解表 (no notice found)',
    );
  let planned: PlannedDocument[];
  try {
    planned = plan(parsed, sourceNameOf(draft), text);
  } catch (error) {
    if (error instanceof CatalogImportError) throw new HttpProblem(400, error.message);
    throw error;
  }
  const tasks = planned.flatMap((p) => p.tasks);
  const stored = await catalogCollections(db)
    .tasks.find({ docId: { $in: planned.map((p) => p.doc._id) } })
    .toArray();
  const unknownUnits = unknownUnitsOf(parsed.warnings);
  const blocking = tasks
    .filter((t) => t.lead.length === 0)
    .map((t) => ({
      itemId: t._id,
      ref: t.ref,
      title: t.title,
      names: unknownUnits
        .filter((u) => u.line !== null && u.line >= t.source.lines.from && u.line <= t.source.lines.to)
        .map((u) => u.name ?? u.message),
    }))
    .filter((b) => b.names.length > 0);
  return { parsed, planned, diff: diffTasks(tasks, stored), unknownUnits, blocking };
}
