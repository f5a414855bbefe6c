import { resolveUnit } from '@duban/units';
import type { UnitRef } from '@duban/units';
import { markerText } from './paragraphs';
import type { Paragraph } from './paragraphs';
import { isoDate, MARKERS, parseDocNo, squeeze } from './text';
import type { WarningLog } from './warnings';

export interface DocumentHeader {
  title: string;
  issuers: UnitRef[];
  issuedOn?: string;
  published: boolean;
  addressees?: string;
  /** The paragraphs that are the document's content, in order. */
  body: Paragraph[];
}

const toRef = (unit: UnitRef): UnitRef => ({ code: unit.code, name: unit.name });

/** The title proper starts at 关于; what precedes it names the issuers. */
function splitTitle(heading: string): { title: string; issuerText: string } {
  const at = heading.indexOf('关于');
  if (at < 0) return { title: squeeze(heading), issuerText: '' };
  return { title: squeeze(heading.slice(at)), issuerText: heading.slice(0, at) };
}

function resolveAll(names: string[]): UnitRef[] | undefined {
  const refs: UnitRef[] = [];
  for (const name of names) {
    const hit = resolveUnit(name);
    if (!hit.ok) return undefined;
    if (!refs.some((r) => r.code === hit.unit.code)) refs.push(toRef(hit.unit));
  }
  return refs;
}

/**
 * Separate the header of a document (title, 文号, addressees, the transmittal sentence, signature,
 * date, publication note, the title of the attached plan) from its content. A transmittal notice
 * signs before the plan it transmits; a direct notice signs at its end.
 */
export function parseHeader(paras: Paragraph[], log: WarningLog): DocumentHeader {
  const header = new Set<number>();
  const [titlePara] = paras;
  const { title, issuerText } = splitTitle(titlePara?.text ?? '');
  header.add(0);
  const docNoIndex = paras.findIndex((p) => parseDocNo(p.text));
  if (docNoIndex >= 0) header.add(docNoIndex);

  let addressees: string | undefined;
  const addresseePara = paras[docNoIndex + 1];
  if (addresseePara && /[:：]$/u.test(addresseePara.text)) {
    addressees = addresseePara.text.replace(/[:：]$/u, '');
    header.add(docNoIndex + 1);
  }

  const dateIndex = paras.findIndex((p) => MARKERS.date.test(markerText(p.text)));
  let issuedOn: string | undefined;
  let issuers: UnitRef[] = [];
  if (dateIndex >= 0) {
    header.add(dateIndex);
    const m = MARKERS.date.exec(markerText(paras[dateIndex]?.text ?? ''));
    if (m) issuedOn = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    // The signature: the lines just above the date that are all organ names.
    const signature: number[] = [];
    for (let i = dateIndex - 1; i > docNoIndex && signature.length < 3; i--) {
      if (!resolveUnit(paras[i]?.text ?? '').ok) break;
      signature.unshift(i);
    }
    signature.forEach((i) => header.add(i));
    issuers = resolveAll(signature.map((i) => paras[i]?.text ?? '')) ?? [];
  } else {
    log.add('missing-field', 'no issue date (YYYY年M月D日 line) found', titlePara?.from);
  }
  if (issuers.length === 0) {
    issuers = resolveAll(issuerText.split(/\s+/u).filter(Boolean)) ?? [];
    if (issuers.length === 0)
      log.add('missing-field', `issuers not recognised in "${issuerText}"`, titlePara?.from);
  }

  let published = false;
  paras.forEach((p, i) => {
    if (MARKERS.published.test(markerText(p.text))) {
      published = true;
      header.add(i);
    }
  });

  // A transmittal notice ("现将《…》印发给你们") signs before the plan it transmits; the plan's own
  // title then follows the signature.
  let transmits = false;
  paras.forEach((p, i) => {
    if (i > docNoIndex && i < dateIndex && /^现将|印发给你们/u.test(p.text)) {
      header.add(i);
      transmits = true;
    }
  });
  if (transmits) {
    const bodyTitle = paras.findIndex((p, i) => i > dateIndex && !header.has(i));
    const candidate = paras[bodyTitle];
    if (candidate && candidate.heading > 0 && !MARKERS.section.test(markerText(candidate.text))) {
      header.add(bodyTitle);
    }
  }

  const result: DocumentHeader = {
    title,
    issuers,
    published,
    body: paras.filter((_, i) => !header.has(i)),
  };
  if (issuedOn) result.issuedOn = issuedOn;
  if (addressees) result.addressees = addressees;
  return result;
}
