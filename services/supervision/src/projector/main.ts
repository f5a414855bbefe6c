// Runs the projector alone: `tsx services/supervision/src/projector/main.ts [--rebuild] [--durable=<name>]`.
import { runStandalone } from '@duban/runner';
import { rebuildProjections } from './rebuild';
import { startProjectorService } from './service';

runStandalone('projector', async ({ bus, db, durable, onError, log }) => {
  if (!process.argv.includes('--rebuild')) return startProjectorService({ bus, db, durable, onError });
  const result = await rebuildProjections({ bus, db, durable, onError });
  log(`rebuilt from the stream: ${result.handled} events in ${result.durationMs} ms`);
  return result.consumer;
});
