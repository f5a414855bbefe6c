import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxOf, xlsxOf } from '../../fixtures/office-files';
import { MAX_NOTICE_BYTES, NoticeFileError, readNotice } from '../index';
import { htmlToLines } from './html-lines';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function refusal(input: Parameters<typeof readNotice>[0]): Promise<NoticeFileError> {
  const error = await readNotice(input).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NoticeFileError);
  return error as NoticeFileError;
}

describe('readNotice', () => {
  it('reads text and Markdown as UTF-8, with or without a BOM, and pasted text', async () => {
    await expect(
      readNotice({ bytes: utf8('\uFEFF关于开展检查的通知\n'), fileName: 'a.md' }),
    ).resolves.toEqual({
      kind: 'text',
      fileName: 'a.md',
      text: '关于开展检查的通知\n',
    });
    await expect(readNotice({ bytes: utf8('通知正文'), fileName: '通知' })).resolves.toMatchObject({
      kind: 'text',
    });
    await expect(readNotice({ text: '关于开展检查的通知' })).resolves.toEqual({
      kind: 'text',
      text: '关于开展检查的通知',
    });
  });

  it('tells Word from Excel by content as well as by name', async () => {
    const docx = await docxOf('关于开展检查的通知');
    const xlsx = await xlsxOf('关于开展检查的通知');
    await expect(readNotice({ bytes: docx, fileName: 'notice' })).resolves.toMatchObject({ kind: 'docx' });
    await expect(readNotice({ bytes: xlsx, fileName: 'sheet.xlsx' })).resolves.toMatchObject({
      kind: 'xlsx',
    });
    expect((await refusal({ bytes: xlsx, fileName: 'notice.docx' })).message).toContain('word/document.xml');
    expect((await refusal({ bytes: docx, fileName: 'notice.xlsx' })).message).toContain('xl/workbook.xml');
  });

  it('refuses an empty file, a file with no notice, and non-UTF-8 text', async () => {
    expect(await refusal({ bytes: new Uint8Array(), fileName: 'a.txt' })).toMatchObject({
      problem: 'empty',
      message: 'a.txt: 文件为空 (empty file)',
    });
    expect(await refusal({ bytes: utf8(' \n\t\n'), fileName: 'a.txt' })).toMatchObject({
      problem: 'not-a-notice',
    });
    expect(await refusal({ bytes: utf8('hello world'), fileName: 'a.txt' })).toMatchObject({
      problem: 'not-a-notice',
    });
    expect(await refusal({ text: '' })).toMatchObject({ problem: 'not-a-notice' });
    const gbk = new Uint8Array([0xb9, 0xd8, 0xd3, 0xda]); // 关于 in GBK
    expect(await refusal({ bytes: gbk, fileName: 'a.txt' })).toMatchObject({
      problem: 'not-utf8',
      message: 'a.txt: 不是 UTF-8 文本 (not UTF-8 text)',
    });
    const emptyDocx = await docxOf('');
    expect(await refusal({ bytes: emptyDocx, fileName: 'a.docx' })).toMatchObject({
      problem: 'not-a-notice',
    });
  });

  it('refuses corrupt Word and Excel files and other types', async () => {
    const garbage = utf8('this is not a zip at all');
    expect(await refusal({ bytes: garbage, fileName: 'a.docx' })).toMatchObject({ problem: 'corrupt' });
    expect(await refusal({ bytes: garbage, fileName: 'a.xlsx' })).toMatchObject({ problem: 'corrupt' });
    const zip = new JSZip();
    zip.file('word/document.xml', '<not-xml');
    const badDocx = await zip.generateAsync({ type: 'uint8array' });
    const docxError = await refusal({ bytes: badDocx, fileName: 'a.docx' });
    expect(docxError.problem).toBe('corrupt');
    expect(docxError.message).toMatch(/^a\.docx: Word 文件已损坏，无法读取 \(corrupt docx: /u);
    const xlsxZip = new JSZip();
    xlsxZip.file('xl/workbook.xml', 'garbage');
    const badXlsx = await xlsxZip.generateAsync({ type: 'uint8array' });
    expect(await refusal({ bytes: badXlsx, fileName: 'a.xlsx' })).toMatchObject({ problem: 'corrupt' });
    const other = new JSZip();
    other.file('content.txt', '通知');
    const plainZip = await other.generateAsync({ type: 'uint8array' });
    expect(await refusal({ bytes: plainZip, fileName: 'a.zip' })).toMatchObject({
      problem: 'unsupported-type',
    });
    expect(await refusal({ bytes: utf8('%PDF-1.7'), fileName: 'a.pdf' })).toMatchObject({
      problem: 'unsupported-type',
    });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]);
    expect((await refusal({ bytes: ole, fileName: 'a.doc' })).message).toContain('.docx');
    expect(await refusal({ bytes: utf8('通知'), fileName: 'a.png' })).toMatchObject({
      problem: 'unsupported-type',
    });
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const big = new Uint8Array(MAX_NOTICE_BYTES + 1);
    expect(await refusal({ bytes: big, fileName: 'big.docx' })).toMatchObject({
      problem: 'too-large',
      message: 'big.docx: 文件超过 20 MB (larger than 20 MB)',
    });
  });
});

describe('htmlToLines', () => {
  it('spreads merged Word cells: a rowspan down the rows below, a colspan across', () => {
    const html =
      '<h1>分解表</h1><p>说明 &amp; 要求</p><table>' +
      '<tr><td><p>序号</p></td><td><p>任务</p></td><td><p>牵头单位</p></td></tr>' +
      '<tr><td colspan="3"><p>一、产业</p></td></tr>' +
      '<tr><td rowspan="2"><p>1</p></td><td><p>甲</p></td><td rowspan="2"><p>市财政局</p></td></tr>' +
      '<tr><td><p>乙|丙</p></td></tr></table>';
    expect(htmlToLines(html)).toEqual([
      '# 分解表',
      '说明 & 要求',
      '| 序号 | 任务 | 牵头单位 |',
      '| 一、产业 | 一、产业 | 一、产业 |',
      '| 1 | 甲 | 市财政局 |',
      '| 1 | 乙｜丙 | 市财政局 |',
    ]);
  });
});
