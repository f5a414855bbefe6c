import { z } from 'zod';
import { defineEvent } from '../define';

/**
 * A probe that walks the whole chain (workflow → activity → bus → consumer → store). Operators
 * run it to check a deployment end to end; the chain test runs it over the real engines.
 */
export const DiagnosticsEvents = {
  ProbeRecorded: defineEvent(
    'diagnostics',
    'probe_recorded',
    z.object({
      probeId: z.string().min(1),
      note: z.string().max(500),
      recordedAt: z.iso.datetime({ offset: true }),
    }),
  ),
} as const;
