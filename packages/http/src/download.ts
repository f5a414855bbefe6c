// Spreadsheet downloads (台账, 逾期清单, 考核, 归档 …): one content type and one way to name the file.
import type { Response } from 'express';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends an xlsx file as an attachment named `fileName` (ASCII, for every browser); `chineseName`,
 * when given, is the name a browser that reads RFC 6266's `filename*` saves it under.
 */
export function sendXlsx(
  res: Response,
  body: Buffer | ArrayBuffer,
  fileName: string,
  chineseName?: string,
): void {
  const disposition = chineseName
    ? `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`
    : `attachment; filename="${fileName}"`;
  res
    .status(200)
    .type(XLSX)
    .set('content-disposition', disposition)
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body));
}
