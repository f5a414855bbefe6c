import { MongoClient, type Db } from 'mongodb';

export interface Store {
  client: MongoClient;
  db: Db;
  close(): Promise<void>;
}

/**
 * Connects to MongoDB or FerretDB. FerretDB 1.x has no transactions, change streams or $lookup,
 * so Duban's writes are single-document, idempotent upserts keyed by ids the events carry.
 */
export async function connectStore(uri: string, dbName: string): Promise<Store> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000, appName: 'duban' });
  await client.connect();
  return { client, db: client.db(dbName), close: () => client.close() };
}
