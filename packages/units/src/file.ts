import { z } from 'zod';
import { createUnitRegistry, UnitRegistryError, type UnitRegistry, type UnitRegistryData } from './build';
import type { GroupEntry, UnitEntry } from './catalog';
import { UNIT_KINDS, type UnitKind } from './types';

// A city other than Qingtongxia brings its own list of units (DUBAN_UNITS_FILE): JSON or a
// spreadsheet, read here into registry data that replaces the built-in catalog. Every problem is
// reported with the row it is on, so the office can fix its file.

/** The kinds as an office writes them in a spreadsheet. */
const KIND_LABELS: Record<string, UnitKind> = {
  领导机关: 'leadership',
  党委部门: 'party',
  办公室: 'office',
  政府部门: 'bureau',
  派驻机构: 'branch',
  事业单位: 'agency',
  议事协调机构: 'committee',
  镇: 'town',
  乡: 'town',
  乡镇: 'town',
  街道: 'street',
  农林场: 'farm',
  园区: 'park',
  国有企业: 'enterprise',
  人民团体: 'association',
  法院: 'judicial',
  村委会: 'village',
  经营主体: 'operator',
  旅游企业: 'business',
  经营单位: 'business',
  承接主体: 'provider',
  入户核查员: 'officer',
};

const kindOf = z
  .string()
  .trim()
  .transform((k, ctx) => {
    const kind = (UNIT_KINDS as readonly string[]).includes(k) ? (k as UnitKind) : KIND_LABELS[k];
    if (!kind) {
      ctx.addIssue({
        code: 'custom',
        message: `类别「${k}」不是 ${Object.keys(KIND_LABELS).join('、')} 之一`,
      });
      return z.NEVER;
    }
    return kind;
  });

const name = z.string().trim().min(1, '不能为空').max(100);

export const UnitCodeFormat = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{0,63}$/, '代码为小写字母开头的字母、数字或连字符');

export const UnitEntrySchema = z
  .object({
    code: UnitCodeFormat,
    name,
    shortName: name,
    kind: kindOf,
    aliases: z.array(name).max(50).default([]),
    parent: UnitCodeFormat.optional(),
  })
  .strict();

const GroupEntrySchema = z
  .object({
    code: UnitCodeFormat,
    name,
    aliases: z.array(name).default([]),
    members: z.array(UnitCodeFormat).min(1),
  })
  .strict();

const UnitsFileSchema = z
  .object({
    cityName: name,
    levelPrefixes: z.array(z.string().length(1)).optional(),
    units: z.array(z.unknown()).min(1, '至少一个单位'),
    groups: z.array(GroupEntrySchema).default([]),
  })
  .strict();

/** A units file the registry cannot use: names the file and the row (or JSON path) at fault. */
export class UnitsFileError extends Error {
  override readonly name = 'UnitsFileError';
  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
  ) {
    super(`units file ${file}, ${where}: ${problem}`);
  }
}

const issueText = (error: z.ZodError) =>
  error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');

/** 各镇, 各街道 … for a city's own list: collectives its notices use, from the units' kinds. */
function derivedGroups(units: readonly UnitEntry[], declared: readonly GroupEntry[]): GroupEntry[] {
  const codes = (kinds: UnitKind[]) => units.filter((u) => kinds.includes(u.kind)).map((u) => u.code);
  const towns = codes(['town']);
  const streets = codes(['street']);
  const farms = codes(['farm']);
  const candidates: [GroupEntry, boolean][] = [
    [
      {
        code: 'all-towns',
        name: '各镇',
        aliases: ['各乡镇', '各镇人民政府', '各镇政府', '各乡镇人民政府', '各乡镇政府'],
        members: towns,
      },
      towns.length > 1,
    ],
    [
      { code: 'all-streets', name: '各街道', aliases: ['各街道办事处', '各街道办'], members: streets },
      streets.length > 1,
    ],
    [
      {
        code: 'towns-and-streets',
        name: '各镇(街道)',
        aliases: ['各乡镇(街道)', '各镇街道', '各乡镇街道'],
        members: [...towns, ...streets],
      },
      towns.length > 0 && streets.length > 0,
    ],
    [
      {
        code: 'towns-and-farms',
        name: '各镇(场)',
        aliases: ['各乡镇(场)', '各镇场'],
        members: [...towns, ...farms],
      },
      towns.length > 0 && farms.length > 0,
    ],
  ];
  // A group the file declares, or a name a unit already has, is the file's choice: keep it.
  const taken = new Set([
    ...declared.flatMap((g) => [g.code, g.name, ...g.aliases]),
    ...units.flatMap((u) => [u.code, u.name, u.shortName, ...u.aliases]),
  ]);
  return candidates
    .filter(([g, useful]) => useful && ![g.code, g.name, ...g.aliases].some((k) => taken.has(k)))
    .map(([g]) => g);
}

/**
 * A city's own list as registry data (JSON shape: `{ cityName, units: [...], groups?: [...] }`),
 * checked entry by entry; `rowOf(i)` names where entry i is in the file (a spreadsheet row).
 */
export function unitsFileData(
  file: string,
  value: unknown,
  rowOf: (index: number) => string = (i) => `units[${i}]`,
): UnitRegistryData {
  const parsed = UnitsFileSchema.safeParse(value);
  if (!parsed.success) throw new UnitsFileError(file, 'file', issueText(parsed.error));
  const units = parsed.data.units.map((raw, i) => {
    const entry = UnitEntrySchema.safeParse(raw);
    if (!entry.success) throw new UnitsFileError(file, rowOf(i), issueText(entry.error));
    const { parent, ...rest } = entry.data;
    return { ...rest, ...(parent ? { parent } : {}) } satisfies UnitEntry;
  });
  const groups = [...parsed.data.groups, ...derivedGroups(units, parsed.data.groups)];
  const data: UnitRegistryData = {
    cityName: parsed.data.cityName,
    ...(parsed.data.levelPrefixes ? { levelPrefixes: parsed.data.levelPrefixes } : {}),
    units,
    groups,
  };
  return data;
}

/** The registry a city's own list makes; a name claimed twice is reported with the rows concerned. */
export function unitsFileRegistry(
  file: string,
  data: UnitRegistryData,
  rowOf: (index: number) => string,
): UnitRegistry {
  try {
    return createUnitRegistry(data);
  } catch (error) {
    if (!(error instanceof UnitRegistryError)) throw error;
    const rows = error.codes.length ? error.codes : [error.key];
    const where = rows
      .map((code) => data.units.findIndex((u) => u.code === code))
      .filter((i) => i >= 0)
      .map(rowOf);
    throw new UnitsFileError(file, [...new Set(where)].join(', ') || 'file', error.message);
  }
}

/** The columns of a spreadsheet list, by their header (Chinese or the JSON field names). */
const COLUMNS: Record<string, keyof z.input<typeof UnitEntrySchema>> = {
  代码: 'code',
  code: 'code',
  名称: 'name',
  全称: 'name',
  name: 'name',
  简称: 'shortName',
  shortName: 'shortName',
  类别: 'kind',
  kind: 'kind',
  别名: 'aliases',
  aliases: 'aliases',
  上级: 'parent',
  上级代码: 'parent',
  parent: 'parent',
};

/**
 * A spreadsheet's rows (cell texts, row 1 first) as a units file: an optional `城市 | 永宁县` row,
 * then a header row (代码, 名称, 简称, 类别, 别名, 上级), then one unit a row; aliases separated by
 * 、 , ; or a new line. Empty rows are skipped.
 */
export function unitsFromRows(
  file: string,
  rows: readonly (readonly string[])[],
): { data: UnitRegistryData; rowOf: (i: number) => string } {
  let cityName = '';
  let header: (keyof z.input<typeof UnitEntrySchema> | undefined)[] | undefined;
  const units: Record<string, unknown>[] = [];
  const rowNumbers: number[] = [];
  rows.forEach((cells, r) => {
    const texts = cells.map((c) => c.trim());
    if (texts.every((t) => !t)) return;
    if (!header && texts[0] === '城市') {
      cityName = texts[1] ?? '';
      return;
    }
    if (!header) {
      header = texts.map((t) => COLUMNS[t]);
      for (const needed of ['code', 'name', 'shortName', 'kind'] as const) {
        if (!header.includes(needed))
          throw new UnitsFileError(file, `row ${r + 1}`, `表头缺少「${needed}」列（代码、名称、简称、类别）`);
      }
      return;
    }
    const unit: Record<string, unknown> = {};
    header.forEach((field, c) => {
      const text = texts[c] ?? '';
      if (!field || !text) return;
      unit[field] =
        field === 'aliases'
          ? text
              .split(/[、,，;；\n]/u)
              .map((a) => a.trim())
              .filter(Boolean)
          : text;
    });
    units.push(unit);
    rowNumbers.push(r + 1);
  });
  if (!cityName) throw new UnitsFileError(file, 'row 1', '第一行应为「城市 | 城市名称」（如 城市 | 永宁县）');
  const rowOf = (i: number) => `row ${rowNumbers[i] ?? '?'}`;
  return { data: unitsFileData(file, { cityName, units }, rowOf), rowOf };
}
