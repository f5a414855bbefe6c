import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectStore, ensureIndexes, type Store } from './index';

// The embedded FerretDB is built with infra/ferretdb/duban_pushdown.go: a top-level
// {field: <string>} goes to SQL through the field's index. SQL may select more than matches (the
// handler filters again) but never less, or a read model would silently miss documents: these
// cases are the ones where the JSON text SQLite compares could differ from a plain string.
type Doc = { _id: string; f?: unknown; g?: unknown };

const STRINGS = [
  'unit-1',
  '青政发〔2019〕31号',
  'a<b>&c',
  'quote " and \\ backslash',
  'line\nbreak\ttab',
  'sep\u2028arator',
  '😀 emoji',
  '[starts with a bracket',
  '',
];

function docs(): Doc[] {
  const out: Doc[] = [];
  STRINGS.forEach((s, i) => {
    out.push({ _id: `plain-${i}`, f: s, g: i % 2 ? 'odd' : 'even' });
    out.push({ _id: `array-${i}`, f: ['other', s], g: 'even' });
    out.push({ _id: `nested-${i}`, f: { s }, g: 'odd' });
  });
  out.push({ _id: 'number', f: 7 }, { _id: 'missing', g: 'odd' }, { _id: 'null', f: null });
  return out;
}

/** What MongoDB's {f: value, ...} selects: the value itself, or an array holding it. */
function expected(all: Doc[], filter: Record<string, string>): string[] {
  const matches = (v: unknown, s: string) => v === s || (Array.isArray(v) && v.includes(s));
  return all
    .filter((d) => Object.entries(filter).every(([k, s]) => matches(d[k as keyof Doc], s)))
    .map((d) => d._id)
    .sort();
}

describe('finding by a field on the embedded store (FerretDB built with field pushdown)', () => {
  let store: Store;
  const all = docs();
  beforeAll(async () => {
    store = await connectStore(inject('stack').mongoUri, `${inject('stack').mongoDb}_pushdown`);
    const coll = store.db.collection<Doc>('docs');
    await ensureIndexes(coll, [{ key: { f: 1 }, name: 'f' }]);
    await coll.insertMany(all);
  });
  afterAll(async () => {
    await store?.db.dropDatabase();
    await store?.close();
  });

  it('selects exactly what MongoDB would, for every awkward string, in values and arrays', async () => {
    const coll = store.db.collection<Doc>('docs');
    for (const s of [...STRINGS, 'absent', 'other']) {
      const found = (await coll.find({ f: s }).toArray()).map((d) => d._id).sort();
      expect(found, JSON.stringify(s)).toEqual(expected(all, { f: s }));
      const both = (await coll.find({ f: s, g: 'even' }).toArray()).map((d) => d._id).sort();
      expect(both, JSON.stringify(s)).toEqual(expected(all, { f: s, g: 'even' }));
      expect(await coll.countDocuments({ f: s })).toBe(expected(all, { f: s }).length);
    }
    // In the order the documents were inserted, as a scan of the collection gave them.
    const inserted = all.map((d) => d._id);
    for (const filter of [{ g: 'even' }, { f: 'unit-1' }, { f: 'other' }]) {
      const found = (await coll.find(filter).toArray()).map((d) => d._id);
      expect(found).toEqual(inserted.filter((id) => found.includes(id)));
    }
    // Updates and deletes select with the same clause.
    await coll.updateMany({ f: '青政发〔2019〕31号' }, { $set: { g: 'touched' } });
    expect((await coll.find({ g: 'touched' }).toArray()).map((d) => d._id).sort()).toEqual([
      'array-1',
      'plain-1',
    ]);
    await coll.deleteMany({ f: 'a<b>&c' });
    expect(await coll.countDocuments({ _id: { $in: ['plain-2', 'array-2', 'nested-2'] } })).toBe(1);
  });

  it('answers a find by field from the index, not by reading the collection', async () => {
    const plan = await store.db.command({
      explain: { find: 'docs', filter: { f: 'unit-1' } },
      verbosity: 'queryPlanner',
    });
    expect(plan.filterPushdown).toBe(true);
    const steps = JSON.stringify(plan.queryPlanner);
    expect(steps).toContain('USING INDEX');
    expect(steps).not.toMatch(/detail=SCAN /);
  });
});
