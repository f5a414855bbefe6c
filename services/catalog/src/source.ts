import { readFile } from 'node:fs/promises';
import { ParsedGazetteSchema, parseGazette, type ParsedGazette } from '@duban/gazette';

/** A gazette file that cannot be imported: missing, unreadable, not text, or holding no document. */
export class GazetteFileError extends Error {
  override readonly name = 'GazetteFileError';

  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}

export interface LoadedGazette {
  file: string;
  /** The file's text, for provenance (the exact source lines of every clause). */
  text: string;
  parsed: ParsedGazette;
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return '文件不存在 (no such file)';
  if (code === 'EISDIR') return '是目录，不是文件 (is a directory)';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限 (permission denied)';
  return `无法读取 (${error instanceof Error ? error.message : String(error)})`;
}

/** Reads a gazette file as UTF-8 text; refuses anything else with an error naming the file. */
export async function readGazetteText(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new GazetteFileError(file, reason(error), { cause: error });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new GazetteFileError(file, '不是 UTF-8 文本 (not UTF-8 text)', { cause: error });
  }
}

/**
 * Reads and parses a gazette file. Nothing is written anywhere; a file in which the parser finds
 * no document is refused, so a wrong path never reaches the catalog.
 */
export async function loadGazetteFile(file: string): Promise<LoadedGazette> {
  const text = await readGazetteText(file);
  let parsed: ParsedGazette;
  try {
    parsed = ParsedGazetteSchema.parse(parseGazette(text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new GazetteFileError(file, `无法解析 (cannot be parsed: ${detail})`, { cause: error });
  }
  if (parsed.documents.length === 0) {
    throw new GazetteFileError(file, '没有找到公报文件（标题与文号） (no gazette document found)');
  }
  return { file, text, parsed };
}
