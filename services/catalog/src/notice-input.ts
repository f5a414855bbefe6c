// The one place the catalog reads and parses a notice: @duban/gazette's readers and layouts, with
// the office's unit registry.
import type { Db } from 'mongodb';
import { withUnitRegistry } from '@duban/units';
import { loadUnitRegistry } from '@duban/units/store';
import {
  GazetteDocumentSchema,
  MAX_NOTICE_BYTES,
  NoticeFileError,
  ParsedGazetteSchema,
  parseNotice,
  readNotice,
  type NoticeSource,
} from '@duban/gazette';

export { MAX_NOTICE_BYTES };
/** A file that is no notice we can read: empty, corrupt, too large or of an unsupported kind. */
export { NoticeFileError as NoticeInputError };

export type NoticeInput = NoticeSource;

/** A document of a parsed notice: `key` is its identity in the catalog (文号, else a title key). */
export const NoticeDocumentSchema = GazetteDocumentSchema;
export const ParsedNoticeSchema = ParsedGazetteSchema;
export type ParsedNotice = ReturnType<typeof parseNotice>;
export type NoticeDocument = ParsedNotice['documents'][number];

/** Reads an uploaded file or pasted text; refuses with a message in Chinese and English. */
export const readNoticeInput = readNotice;

/**
 * Parses a notice with the office's unit registry (`db`; null: the built-in one, for a dry run
 * without engines).
 */
export async function parseNoticeForOffice(text: string, db: Db | null): Promise<ParsedNotice> {
  if (!db) return parseNotice(text);
  const registry = await loadUnitRegistry(db);
  return withUnitRegistry(registry, () => parseNotice(text));
}
