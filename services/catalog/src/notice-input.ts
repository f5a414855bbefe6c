// The one place the catalog reads and parses a notice. SHIMS until @duban/gazette's readNotice /
// parseNotice and @duban/units' office registry are merged: text only here, the gazette parser, and
// `key` = 文号. At the merge only the bodies below change; the signatures stay.
import type { Db } from 'mongodb';
import { z } from 'zod';
import { GazetteDocumentSchema, ParsedGazetteSchema, parseGazette } from '@duban/gazette';

/** Largest notice file accepted (the gazette's MAX_NOTICE_BYTES once merged). */
export const MAX_NOTICE_BYTES = 20 * 1024 * 1024;

/** A file that is no notice we can read: empty, corrupt, too large or of an unsupported kind. */
export class NoticeInputError extends Error {
  override readonly name = 'NoticeInputError';
}

export interface NoticeInput {
  kind: 'text' | 'docx' | 'xlsx';
  fileName?: string;
  text: string;
}

/** A document of a parsed notice: `key` is its identity in the catalog (文号, else a title key). */
export const NoticeDocumentSchema = GazetteDocumentSchema.extend({
  docNo: z.string().min(1).optional(),
  key: z.string().min(1).optional(),
}).refine((d) => d.docNo !== undefined || d.key !== undefined, 'a document needs a 文号 or a key');

export const ParsedNoticeSchema = ParsedGazetteSchema.extend({ documents: z.array(NoticeDocumentSchema) });
export type ParsedNotice = z.infer<typeof ParsedNoticeSchema>;
export type NoticeDocument = ParsedNotice['documents'][number];

const TEXT_FILE = /\.(md|markdown|txt|text)$/i;

/** Reads an uploaded file or pasted text; refuses with a message in Chinese and English. */
export async function readNoticeInput(
  input: { bytes: Uint8Array; fileName: string } | { text: string },
): Promise<NoticeInput> {
  if ('text' in input) {
    if (input.text.trim() === '') throw new NoticeInputError('内容为空 (the text is empty)');
    if (Buffer.byteLength(input.text, 'utf8') > MAX_NOTICE_BYTES)
      throw new NoticeInputError(`内容超过 ${MAX_NOTICE_BYTES / 1024 / 1024} MB (too large)`);
    return { kind: 'text', text: input.text };
  }
  const { bytes, fileName } = input;
  if (bytes.byteLength === 0) throw new NoticeInputError(`${fileName}：文件为空 (empty file)`);
  if (bytes.byteLength > MAX_NOTICE_BYTES)
    throw new NoticeInputError(`${fileName}：文件超过 ${MAX_NOTICE_BYTES / 1024 / 1024} MB (too large)`);
  if (!TEXT_FILE.test(fileName))
    throw new NoticeInputError(`${fileName}：暂不支持此类文件，请上传 .md 或 .txt (unsupported file type)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NoticeInputError(`${fileName}：不是 UTF-8 文本 (not UTF-8 text)`);
  }
  if (text.trim() === '') throw new NoticeInputError(`${fileName}：文件为空 (empty file)`);
  return { kind: 'text', fileName, text };
}

/**
 * Parses a notice with the office's unit registry (`db`; null: the built-in one, for a dry run
 * without engines). Every document carries its `key`.
 */
export function parseNoticeForOffice(text: string, _db: Db | null): Promise<ParsedNotice> {
  const parsed = parseGazette(text);
  return Promise.resolve({ ...parsed, documents: parsed.documents.map((d) => ({ ...d, key: d.docNo })) });
}
