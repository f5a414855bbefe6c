import type { Db } from 'mongodb';
import { loadConfig } from '@duban/config';
import { ensureIndexes, isDuplicateKeyError } from '@duban/store';
import { UnitRegistryError, type UnitAlias, type UnitRegistry } from '../build';
import type { UnitEntry } from '../catalog';
import { lookupKeys, normalizeMention } from '../normalize';
import { baseUnitRegistry } from './file';

// The office's additions to the registry: new units and names mapped to existing ones, one
// document each, keyed so that the same unit or name cannot be added twice (the _id index). No
// transactions on FerretDB 1.x: a change is one insert or one delete, checked against the whole
// registry before and after, and logged with who made it and when.

export const UNIT_ADDITIONS = 'unit_registry_additions';
/** Every change to the additions, in order: what, who, when (a removed name stays on record here). */
export const UNIT_CHANGES = 'unit_registry_changes';

export interface Attribution {
  username: string;
  name: string;
}

export type UnitAdditionDoc =
  | { _id: string; type: 'unit'; code: string; unit: UnitEntry; createdBy: Attribution; createdAt: Date }
  | { _id: string; type: 'alias'; code: string; alias: string; createdBy: Attribution; createdAt: Date };

export interface UnitChangeDoc {
  action: 'unit-created' | 'alias-added' | 'alias-removed';
  code: string;
  alias?: string;
  by: Attribution;
  at: Date;
}

const unitId = (code: string) => `unit:${code}`;
const aliasId = (alias: string) => `alias:${normalizeMention(alias)}`;

/** Why a change was refused: the route answers 404, 409 or 400 with `field` named. */
export class UnitChangeRefused extends Error {
  override readonly name = 'UnitChangeRefused';
  constructor(
    readonly reason: 'not-found' | 'conflict' | 'invalid',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export async function ensureUnitRegistryIndexes(db: Db): Promise<void> {
  await ensureIndexes(db.collection<UnitAdditionDoc>(UNIT_ADDITIONS), [
    { name: 'type_code', key: { type: 1, code: 1 } },
  ]);
  await ensureIndexes(db.collection<UnitChangeDoc>(UNIT_CHANGES), [{ name: 'at', key: { at: 1 } }]);
}

export async function listUnitAdditions(db: Db): Promise<UnitAdditionDoc[]> {
  return db.collection<UnitAdditionDoc>(UNIT_ADDITIONS).find().sort({ createdAt: 1, _id: 1 }).toArray();
}

/** The additions as registry input, in the order they were made. */
function additionsOf(docs: readonly UnitAdditionDoc[]): { units: UnitEntry[]; aliases: UnitAlias[] } {
  const units: UnitEntry[] = [];
  const aliases: UnitAlias[] = [];
  for (const doc of docs) {
    if (doc.type === 'unit') units.push(doc.unit);
    else aliases.push({ code: doc.code, alias: doc.alias });
  }
  return { units, aliases };
}

/**
 * The deployment's registry: `base` (default: the city's list from DUBAN_UNITS_FILE, else the
 * built-in catalog) plus the office's additions. Use it around a parse:
 * `withUnitRegistry(await loadUnitRegistry(db), () => parseNotice(text))`.
 */
export async function loadUnitRegistry(db: Db, base?: UnitRegistry): Promise<UnitRegistry> {
  const from = base ?? (await baseUnitRegistry(loadConfig().units.file));
  return from.extend(additionsOf(await listUnitAdditions(db)));
}

/** Who already answers to this name, with or without the city's prefix, if anyone. */
function holderOf(registry: UnitRegistry, name: string): string | undefined {
  const { lookup, place } = registry.index;
  const key = lookupKeys(normalizeMention(name), place).find((k) => lookup.has(k));
  const hit = key === undefined ? undefined : lookup.get(key);
  if (!hit) return undefined;
  return hit.type === 'unit'
    ? `${hit.unit.name}（${hit.unit.code}）`
    : `${hit.group.name}（${hit.group.code}）`;
}

/** A change the registry cannot take (a name two units would claim) is refused with the field. */
function checked(registry: UnitRegistry, build: () => UnitRegistry, field: string): void {
  try {
    build();
  } catch (error) {
    if (!(error instanceof UnitRegistryError)) throw error;
    const holder = holderOf(registry, error.key);
    throw new UnitChangeRefused(
      error.reason === 'unknown-code' ? 'invalid' : 'conflict',
      holder ? `「${error.key}」已是${holder}的名称` : error.message,
      field,
    );
  }
}

/**
 * Inserts one addition, then rebuilds the registry: if a concurrent change made a name claimed
 * twice, this one is taken back and refused, so that the registry always builds.
 */
async function insertChecked(db: Db, doc: UnitAdditionDoc, base: UnitRegistry | undefined, field: string) {
  const additions = db.collection<UnitAdditionDoc>(UNIT_ADDITIONS);
  try {
    await additions.insertOne(doc);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    throw new UnitChangeRefused(
      'conflict',
      doc.type === 'unit' ? `单位代码 ${doc.code} 已存在` : `「${doc.alias}」已添加`,
      field,
    );
  }
  try {
    await loadUnitRegistry(db, base);
  } catch (error) {
    await additions.deleteOne({ _id: doc._id });
    if (error instanceof UnitRegistryError) throw new UnitChangeRefused('conflict', error.message, field);
    throw error;
  }
}

async function log(db: Db, change: UnitChangeDoc): Promise<void> {
  await db.collection<UnitChangeDoc>(UNIT_CHANGES).insertOne(change);
}

/** Creates a unit the registry does not have; its code and every name must be new. */
export async function createUnit(
  db: Db,
  unit: UnitEntry,
  by: Attribution,
  at: Date,
  base?: UnitRegistry,
): Promise<UnitEntry> {
  const registry = await loadUnitRegistry(db, base);
  if (registry.index.byCode.has(unit.code)) {
    throw new UnitChangeRefused('conflict', `单位代码 ${unit.code} 已存在`, 'body.code');
  }
  if (unit.parent && !registry.index.byCode.has(unit.parent)) {
    throw new UnitChangeRefused('invalid', `没有代码为 ${unit.parent} 的上级单位`, 'body.parent');
  }
  for (const [field, name] of [
    ['body.name', unit.name],
    ['body.shortName', unit.shortName],
    ...unit.aliases.map((a, i) => [`body.aliases.${i}`, a] as const),
  ] as const) {
    const holder = holderOf(registry, name);
    if (holder) throw new UnitChangeRefused('conflict', `「${name}」已是${holder}的名称`, field);
  }
  checked(registry, () => registry.extend({ units: [unit] }), 'body');
  await insertChecked(
    db,
    { _id: unitId(unit.code), type: 'unit', code: unit.code, unit, createdBy: by, createdAt: at },
    base,
    'body.code',
  );
  await log(db, { action: 'unit-created', code: unit.code, by, at });
  return unit;
}

/** Maps a name to an existing unit (an import found it); the name must be nobody's yet. */
export async function addUnitAlias(
  db: Db,
  code: string,
  alias: string,
  by: Attribution,
  at: Date,
  base?: UnitRegistry,
): Promise<UnitAlias> {
  const registry = await loadUnitRegistry(db, base);
  if (!registry.index.byCode.has(code)) throw new UnitChangeRefused('not-found', `没有代码为 ${code} 的单位`);
  const holder = holderOf(registry, alias);
  if (holder) throw new UnitChangeRefused('conflict', `「${alias}」已是${holder}的名称`, 'body.alias');
  checked(registry, () => registry.extend({ aliases: [{ code, alias }] }), 'body.alias');
  await insertChecked(
    db,
    { _id: aliasId(alias), type: 'alias', code, alias, createdBy: by, createdAt: at },
    base,
    'body.alias',
  );
  await log(db, { action: 'alias-added', code, alias, by, at });
  return { code, alias };
}

/** Removes a name the office added; the registry's own names are not the office's to remove. */
export async function removeUnitAlias(
  db: Db,
  code: string,
  alias: string,
  by: Attribution,
  at: Date,
): Promise<void> {
  const removed = await db
    .collection<UnitAdditionDoc>(UNIT_ADDITIONS)
    .findOneAndDelete({ _id: aliasId(alias), type: 'alias', code });
  if (!removed) throw new UnitChangeRefused('not-found', `单位 ${code} 没有办公室添加的名称「${alias}」`);
  await log(db, { action: 'alias-removed', code, alias, by, at });
}
