import JSZip from 'jszip';
import mammoth from 'mammoth';
import { htmlToLines } from './html-lines';
import { MAX_NOTICE_BYTES, NoticeFileError } from './errors';
import { xlsxToLines } from './xlsx-lines';

/** A notice as text: what line numbers (sourceLines) refer to and what is kept as provenance. */
export interface NoticeSource {
  kind: 'text' | 'docx' | 'xlsx';
  fileName?: string;
  text: string;
}

export type NoticeInput = { bytes: Uint8Array; fileName: string } | { text: string };

const TEXT_EXTENSIONS = new Set(['', 'md', 'markdown', 'txt', 'text']);

const extensionOf = (fileName: string): string => {
  const base = fileName.split(/[\\/]/u).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
};

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** The old binary Office format (.doc/.xls), which needs saving as .docx/.xlsx first. */
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const isPdf = (b: Uint8Array) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;

async function officeKind(bytes: Uint8Array, fileName: string): Promise<'docx' | 'xlsx' | undefined> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new NoticeFileError(
      'corrupt',
      '文件已损坏，无法打开 (corrupt file: not a readable zip)',
      fileName,
      {
        cause: error,
      },
    );
  }
  if (zip.file('word/document.xml')) return 'docx';
  if (zip.file('xl/workbook.xml')) return 'xlsx';
  return undefined;
}

function decodeText(bytes: Uint8Array, fileName?: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new NoticeFileError('not-utf8', '不是 UTF-8 文本 (not UTF-8 text)', fileName, { cause: error });
  }
}

async function convert(kind: 'docx' | 'xlsx', bytes: Uint8Array, fileName: string): Promise<string> {
  try {
    if (kind === 'xlsx') return (await xlsxToLines(bytes)).join('\n');
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return htmlToLines(value).join('\n');
  } catch (error) {
    const what = kind === 'docx' ? 'Word 文件' : 'Excel 文件';
    const detail = error instanceof Error ? error.message : String(error);
    throw new NoticeFileError('corrupt', `${what}已损坏，无法读取 (corrupt ${kind}: ${detail})`, fileName, {
      cause: error,
    });
  }
}

async function textOfFile(bytes: Uint8Array, fileName: string): Promise<NoticeSource> {
  if (bytes.length === 0) throw new NoticeFileError('empty', '文件为空 (empty file)', fileName);
  if (bytes.length > MAX_NOTICE_BYTES) {
    const mb = MAX_NOTICE_BYTES / 1024 / 1024;
    throw new NoticeFileError('too-large', `文件超过 ${mb} MB (larger than ${mb} MB)`, fileName);
  }
  const ext = extensionOf(fileName);
  const unsupported = (hint: string) =>
    new NoticeFileError('unsupported-type', `不支持的文件类型${hint}`, fileName);
  if (isOle(bytes))
    throw unsupported('：旧版 .doc/.xls，请另存为 .docx/.xlsx (old .doc/.xls format: save as .docx/.xlsx)');
  if (isPdf(bytes)) throw unsupported('：PDF，请先转为 Word 或文本 (PDF: convert it to Word or text first)');
  if (ext === 'docx' || ext === 'xlsx' || isZip(bytes)) {
    const kind = await officeKind(bytes, fileName);
    if (ext === 'docx' && kind !== 'docx') {
      throw new NoticeFileError(
        'corrupt',
        '不是有效的 Word 文件（缺少 word/document.xml） (not a docx: no word/document.xml)',
        fileName,
      );
    }
    if (ext === 'xlsx' && kind !== 'xlsx') {
      throw new NoticeFileError(
        'corrupt',
        '不是有效的 Excel 文件（缺少 xl/workbook.xml） (not an xlsx: no xl/workbook.xml)',
        fileName,
      );
    }
    if (!kind) throw unsupported(' (unsupported type: a zip that is neither .docx nor .xlsx)');
    return { kind, fileName, text: await convert(kind, bytes, fileName) };
  }
  if (!TEXT_EXTENSIONS.has(ext))
    throw unsupported(` .${ext} (unsupported type .${ext}: use .docx, .xlsx, .md or .txt)`);
  return { kind: 'text', fileName, text: decodeText(bytes, fileName).replace(/^\uFEFF/u, '') };
}

/**
 * A notice as text, from a file's bytes (.md/.txt, .docx, .xlsx; told apart by extension and
 * content) or from pasted text. Refuses, with a NoticeFileError, anything that holds no notice.
 */
export async function readNotice(input: NoticeInput): Promise<NoticeSource> {
  const source: NoticeSource =
    'text' in input
      ? { kind: 'text', text: input.text.replace(/^\uFEFF/u, '') }
      : await textOfFile(input.bytes, input.fileName);
  const fileName = 'fileName' in input ? input.fileName : undefined;
  if (!source.text.trim())
    throw new NoticeFileError('not-a-notice', '没有文字，不是通知 (not a notice: no text)', fileName);
  if (!/[\u4e00-\u9fff]/u.test(source.text)) {
    throw new NoticeFileError(
      'not-a-notice',
      '没有中文文字，不是通知 (not a notice: no Chinese text)',
      fileName,
    );
  }
  return source;
}
