import { allUnits, findUnitMentions } from '@duban/units';
import type { UnitRef } from '@duban/units';
import type { GazetteDocument, UnitUsage } from './schema';

/**
 * Every registry unit the documents name or assign: the count of its mentions in the text and the
 * documents it appears in. Units assigned only through a collective (各镇) count as appearing.
 */
export function unitUsage(documents: { doc: GazetteDocument; texts: string[] }[]): UnitUsage[] {
  const usage = new Map<string, { mentions: number; documents: Set<string> }>();
  const touch = (code: string, docNo: string, mentions = 0) => {
    const entry = usage.get(code) ?? { mentions: 0, documents: new Set<string>() };
    entry.mentions += mentions;
    entry.documents.add(docNo);
    usage.set(code, entry);
  };
  for (const { doc, texts } of documents) {
    for (const text of texts) for (const m of findUnitMentions(text)) touch(m.unit.code, doc.key, 1);
    const assigned: UnitRef[] = [
      ...doc.issuers,
      ...doc.tasks.flatMap((t) => [...t.lead, ...t.cooperating, ...t.duties.flatMap((d) => d.units)]),
      ...(doc.reporting?.to ?? []),
    ];
    for (const ref of assigned) touch(ref.code, doc.key);
  }
  // Registry order keeps the output stable and groups kinds together.
  return allUnits()
    .filter((u) => usage.has(u.code))
    .map((u) => {
      const entry = usage.get(u.code);
      return {
        code: u.code,
        name: u.name,
        mentions: entry?.mentions ?? 0,
        documents: [...(entry?.documents ?? [])],
      };
    });
}
