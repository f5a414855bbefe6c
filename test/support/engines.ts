import { inject } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { connectBus, ensureStreams, type Bus } from '@duban/bus';
import { connectStore, type Store } from '@duban/store';

export interface Engines {
  bus: Bus;
  store: Store;
  client: Client;
  nativeConnection: NativeConnection;
  close(): Promise<void>;
}

/** Real clients to the test stack started by test/setup/engines.ts. */
export async function connectEngines(): Promise<Engines> {
  const stack = inject('stack');
  const bus = await connectBus(stack.natsUrl, { name: 'duban-tests' });
  await ensureStreams(bus.jsm);
  const store = await connectStore(stack.mongoUri, stack.mongoDb);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection, namespace: 'default' });
  const nativeConnection = await NativeConnection.connect({ address: stack.temporalAddress });
  return {
    bus,
    store,
    client,
    nativeConnection,
    close: async () => {
      await nativeConnection.close();
      await connection.close();
      await store.close();
      await bus.close();
    },
  };
}

export { eventually } from './eventually';
