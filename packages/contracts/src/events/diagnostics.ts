import { z } from 'zod';
import { defineEvent } from '../define';
import { registerEvents } from '../registry';

/**
 * A probe that walks the whole chain (workflow → activity → bus → consumer → store). Operators
 * run it to check a deployment end to end; the chain test runs it over the real engines.
 */
export const DiagnosticsEvents = registerEvents({
  ProbeRecorded: defineEvent(
    'diagnostics',
    'probe_recorded',
    1,
    z.object({
      probeId: z.string().min(1),
      note: z.string().max(500),
      recordedAt: z.iso.datetime({ offset: true }),
    }),
  ),
});

declare module '../registry' {
  interface EventDomains {
    diagnostics: typeof DiagnosticsEvents;
  }
}
