import { resolveUnitList } from '@duban/units';
import type { UnitRef } from '@duban/units';
import type { NoticeYear } from '../deadlines';
import { isoDate, MARKERS, parseDocNo, parseChineseNumber, squeeze, toHalfWidth } from '../text';
import type { WarningLog } from '../warnings';
import { hasLabel } from '../layouts/labels';
import type { NoticeLine } from './lines';

export interface NoticeHeader {
  title: string;
  titleLine: number;
  docNo?: string;
  issuers: UnitRef[];
  issuedOn?: string;
  published: boolean;
  addressees?: string;
  /** The year yearless deadlines are in, if the notice gives one. */
  year?: NoticeYear;
  /** Lines that are the notice's content. */
  body: NoticeLine[];
}

const TITLE_WORD =
  /(通知|决定|意见|办法|方案|规定|通报|批复|计划|要点|清单|分解表|任务表|台账|安排|细则|函|纪要)$/u;
const CN_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** "2024年3月5日" or "二〇二四年三月五日" standing alone (or in brackets under a title). */
function dateOf(text: string): string | undefined {
  const t = toHalfWidth(text)
    .replace(/^\((.*)\)$/u, '$1')
    .trim();
  const m =
    /^(\d{4}|[〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/u.exec(
      t,
    );
  if (!m) return undefined;
  const year = Number((m[1] ?? '').replace(/./gu, (c) => CN_DIGIT[c] ?? c));
  const num = (s: string) => (/^\d+$/u.test(s) ? Number(s) : (parseChineseNumber(s) ?? 0));
  return isoDate(year, num(m[2] ?? ''), num(m[3] ?? ''));
}

const isMarker = (text: string) =>
  [MARKERS.section, MARKERS.paren, MARKERS.numbered, MARKERS.sub, MARKERS.chapter, MARKERS.article].some(
    (re) => re.test(toHalfWidth(text)),
  );

/**
 * The title lines: the first line above the content naming a kind of document, else the first
 * heading, else the first line; none when the text opens with its content (pasted tasks).
 */
function findTitle(top: NoticeLine[]): NoticeLine[] {
  const firstContent = top.findIndex((l) => isMarker(l.text) || hasLabel(l.text));
  const prose = (firstContent >= 0 ? top.slice(0, firstContent) : top).filter(
    (l) => !l.cells && !parseDocNo(l.text),
  );
  const named = prose.findIndex((l) => TITLE_WORD.test(squeeze(l.text)));
  if (named >= 0) {
    // A title broken over two lines: the line above it, if it is a heading or names no document kind.
    const line = prose[named] as NoticeLine;
    const above = prose[named - 1];
    const joined = above && above.n === line.n - 1 && above.heading === line.heading && line.heading > 0;
    return joined && above ? [above, line] : [line];
  }
  const first = prose.find((l) => l.heading > 0) ?? prose[0];
  return first ? [first] : [];
}

/**
 * The header of a single notice: title, 文号 (optional), addressees, signature and date (at the end
 * or under the title), the year it is for; everything else is content.
 */
export function parseNoticeHeader(lines: NoticeLine[], log: WarningLog): NoticeHeader {
  const top = lines.slice(0, 8);
  const titleLines = findTitle(top);
  const used = new Set<NoticeLine>(titleLines);
  const heading = squeeze(titleLines.map((l) => l.text).join(''));
  const at = heading.indexOf('关于');
  const prefix = at > 0 ? resolveUnitList(heading.slice(0, at)) : undefined;
  const titled = prefix && prefix.units.length > 0 && prefix.unknown.length === 0;
  // Untitled pasted text is known by its opening words.
  const opening = squeeze((lines[0]?.text ?? '').replace(/^[\d.、()（）一二三四五六七八九十]+/u, '')).slice(
    0,
    30,
  );
  const title = titled ? heading.slice(at) : heading || opening || '无标题';
  const titleLine = titleLines[0]?.n ?? lines[0]?.n ?? 1;

  const docNoLine = top.find((l) => !l.cells && parseDocNo(l.text));
  if (docNoLine) used.add(docNoLine);
  const afterTitle = lines.filter((l) => l.n > titleLine && !used.has(l)).slice(0, 3);
  const addresseeLine = afterTitle.find(
    (l) => !l.cells && /[:：]$/u.test(l.text) && l.text.length <= 80 && !isMarker(l.text),
  );
  if (addresseeLine) used.add(addresseeLine);

  // The date: the last standing date line; the signature is the lines above it that are organs.
  const dateLine = [...lines].reverse().find((l) => !l.cells && dateOf(l.text));
  const issuers: UnitRef[] = titled ? prefix.units.map((u) => ({ code: u.code, name: u.name })) : [];
  if (dateLine) {
    used.add(dateLine);
    const index = lines.indexOf(dateLine);
    for (let i = index - 1; i >= 0 && i >= index - 3; i--) {
      const line = lines[i] as NoticeLine;
      if (line.cells || used.has(line) || /[。；;，,:：]/u.test(line.text) || line.text.length > 40) break;
      const found = resolveUnitList(line.text);
      if (found.units.length === 0) {
        if (/(政府|委员会|办公室|局|部|委|厅)$/u.test(line.text)) {
          log.add('unknown-unit', `unknown unit "${line.text}" in the signature`, line.n);
          used.add(line);
        }
        break;
      }
      for (const name of found.unknown)
        log.add('unknown-unit', `unknown unit "${name}" in the signature`, line.n);
      for (const u of found.units)
        if (!issuers.some((x) => x.code === u.code)) issuers.unshift({ code: u.code, name: u.name });
      used.add(line);
    }
  } else {
    log.add('missing-field', 'no issue date (YYYY年M月D日 line) found', titleLine);
  }
  if (issuers.length === 0) log.add('missing-field', 'issuers not recognised (no signature)', titleLine);

  let published = false;
  for (const l of lines) {
    if (!l.cells && MARKERS.published.test(toHalfWidth(l.text))) {
      published = true;
      used.add(l);
    }
  }
  const issuedOn = dateLine ? dateOf(dateLine.text) : undefined;
  const yearInTitle = /(\d{4})年/u.exec(toHalfWidth(heading))?.[1];
  const year: NoticeYear | undefined = yearInTitle
    ? { year: Number(yearInTitle), from: 'text' }
    : issuedOn
      ? { year: Number(issuedOn.slice(0, 4)), from: 'document-date' }
      : undefined;

  const header: NoticeHeader = {
    title,
    titleLine,
    issuers,
    published,
    body: lines.filter((l) => !used.has(l) && !(l.heading > 0 && l.n < titleLine)),
  };
  if (docNoLine) header.docNo = parseDocNo(docNoLine.text);
  if (issuedOn) header.issuedOn = issuedOn;
  if (addresseeLine) header.addressees = addresseeLine.text.replace(/[:：]$/u, '');
  if (year) header.year = year;
  return header;
}
