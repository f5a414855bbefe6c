// Stream against ledger (issue 21, point 4): once every durable consumer has acked the whole
// stream, each consumer's handled-event ledger holds exactly one key for each event its filter
// takes. A key missing is an event lost to that consumer; a key more is an event it handled that
// the stream does not hold (a duplicate id cannot show as two keys: the key is the id).
import { EVENTS_STREAM, HANDLED_BUCKET, type Bus } from '@duban/bus';
import type { Check } from './checks';

/** The ledger's key token of a durable name or event id (packages/bus/src/handled-ledger.ts). */
const token = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** How many stored messages each subject matching `filter` has, summed. */
async function messagesOn(bus: Bus, stream: string, filter: string): Promise<number> {
  const info = await bus.jsm.streams.info(stream, { subjects_filter: filter });
  return Object.values(info.state.subjects ?? {}).reduce((sum, n) => sum + n, 0);
}

export async function ledgerMatchesStream(bus: Bus): Promise<Check> {
  const bad: string[] = [];
  const counts: string[] = [];
  for await (const consumer of bus.jsm.consumers.list(EVENTS_STREAM)) {
    const filters = consumer.config.filter_subjects ?? [consumer.config.filter_subject ?? '>'];
    let events = 0;
    for (const filter of filters) events += await messagesOn(bus, EVENTS_STREAM, filter);
    // One token after the consumer's: the handled keys, not the `.failures` counters.
    const keys = await messagesOn(
      bus,
      `KV_${HANDLED_BUCKET}`,
      `$KV.${HANDLED_BUCKET}.${token(consumer.name)}.*`,
    );
    counts.push(`${consumer.name} ${keys}/${events}`);
    if (keys !== events) bad.push(`${consumer.name}: ${events} events, ${keys} in its ledger`);
  }
  return {
    name: 'each consumer handled each of its events once (stream against ledger)',
    ok: bad.length === 0,
    detail: bad.length ? bad.join('; ') : counts.join(', '),
  };
}
