/** Largest notice file accepted: a notice is text; anything bigger is not one (or not only one). */
export const MAX_NOTICE_BYTES = 20 * 1024 * 1024;

export type NoticeFileProblem =
  'empty' | 'too-large' | 'not-utf8' | 'unsupported-type' | 'corrupt' | 'not-a-notice';

/** A notice file that cannot be read: the message says why, in Chinese with the English after. */
export class NoticeFileError extends Error {
  override readonly name = 'NoticeFileError';

  constructor(
    readonly problem: NoticeFileProblem,
    message: string,
    readonly fileName?: string,
    options?: { cause?: unknown },
  ) {
    super(fileName ? `${fileName}: ${message}` : message, options);
  }
}
