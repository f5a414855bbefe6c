import type { Paragraph } from './paragraphs';
import type { AnnualTableRow } from './schema';
import { MARKERS, squeeze, toHalfWidth } from './text';
import type { WarningLog } from './warnings';

const QUANTITY = /(\d+(?:\.\d+)?)\s*(%|M|:1|间|所|台|名)/gu;

type Quantity = { value: number; unit: string };

function quantitiesOf(cell: string): Quantity[] {
  return [...toHalfWidth(cell).matchAll(QUANTITY)].map((m) => ({ value: Number(m[1]), unit: m[2] ?? '' }));
}

/**
 * Which quantity of a cell is the row's yearly target: when every year states the same number of
 * quantities, the first one that changes from year to year ("100%的教师…，20%的学生…" → the 20%);
 * otherwise the first share, else the first number.
 */
function leadIndex(cells: Quantity[][]): (quantities: Quantity[]) => Quantity | undefined {
  const sizes = new Set(cells.map((q) => q.length));
  const [size] = [...sizes];
  if (sizes.size === 1 && size && size > 1) {
    for (let i = 0; i < size; i++) {
      if (new Set(cells.map((q) => q[i]?.value)).size > 1) return (q) => q[i];
    }
  }
  return (q) => q.find((x) => x.unit === '%') ?? q[0];
}

/**
 * The annual task table (年度任务一览表): a header row "项目名称 | | 2018年 … 2022年" (repeated after a
 * page break), then rows "category | item | one cell per year"; an empty category cell continues
 * the category above.
 */
export function parseAnnualTable(rows: Paragraph[], log: WarningLog): AnnualTableRow[] {
  const out: AnnualTableRow[] = [];
  let years: number[] = [];
  let category = '';
  let categoryRef: string | undefined;
  for (const row of rows) {
    const cells = row.raw.split('\t');
    const yearCells = cells.map((c) => /^(\d{4})年$/u.exec(c.trim())?.[1]);
    if (yearCells.filter(Boolean).length >= 2) {
      years = yearCells.filter((y): y is string => Boolean(y)).map(Number);
      continue;
    }
    const [first = '', name = '', ...values] = cells;
    if (first.trim()) {
      const head = squeeze(toHalfWidth(first));
      const section = MARKERS.section.exec(head);
      categoryRef = section?.[1];
      category = section ? head.slice(section[0].length) : head;
    }
    if (!name.trim() || years.length === 0) {
      log.add(
        'unplaced-text',
        `table row without item name or year header: ${row.text.slice(0, 40)}`,
        row.from,
      );
      continue;
    }
    const texts = years.map((_, i) => (values[i] ?? '').trim());
    const quantities = texts.map(quantitiesOf);
    const lead = leadIndex(quantities);
    const targets = years.map((year, i) => {
      const q = quantities[i] ?? [];
      const main = lead(q);
      return {
        year,
        value: main?.value ?? null,
        unit: main?.unit ?? null,
        quantities: q,
        text: texts[i] ?? '',
      };
    });
    const entry: AnnualTableRow = { category, name: squeeze(name), targets, line: row.from };
    if (categoryRef) entry.categoryRef = categoryRef;
    out.push(entry);
  }
  return out;
}
