import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectStore, ensureIndexes, type Store } from './index';

// Every start ensures its indexes again; on FerretDB a repeated createIndexes batch drops the
// connection, which took down the second `duban start` before ensureIndexes existed.
describe('ensureIndexes on the real store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await connectStore(inject('stack').mongoUri, `${inject('stack').mongoDb}_store`);
  });
  afterAll(async () => {
    await store?.db.dropDatabase();
    await store?.close();
  });

  it('creates what is missing and can run again and again', async () => {
    const items = store.db.collection('items');
    const indexes: Parameters<typeof ensureIndexes>[1] = [
      { key: { state: 1 }, name: 'state' },
      { key: { deadline: 1 }, name: 'deadline' },
    ];
    await ensureIndexes(items, indexes);
    await ensureIndexes(items, indexes);
    await ensureIndexes(items, [...indexes, { key: { docNo: 1 }, name: 'docNo' }]);
    const names = (await items.listIndexes().toArray()).map((i) => i.name).sort();
    expect(names).toEqual(['_id_', 'deadline', 'docNo', 'state']);
    expect(await store.db.command({ ping: 1 })).toMatchObject({ ok: 1 });
  });
});
