// Catalog identity. A document is known by its `key` (its 文号, else a stable title key); a task by
// its document and clause. For a document with a 文号 the ids are exactly those of itemIdOf (running
// workflows and recorded histories depend on them); for one without, the key's hash stands in.
import { docSlug, refSlug } from '@duban/workflow-supervision/client';
import { sha256 } from './hash';

/** What identity needs of a document: the parsed one or the stored one. */
export interface DocumentIdentity {
  docNo?: string | null;
  key?: string;
}

/** The document's key: its 文号 when it has one. */
export function documentKeyOf(doc: DocumentIdentity): string {
  const key = doc.key ?? doc.docNo;
  if (!key) throw new Error('a document needs a 文号 or a key');
  return key;
}

/** `qzbf-2019-31` for 青政办发〔2019〕31号; `n-<12 hex>` for a notice without a 文号. */
export function documentIdOf(doc: DocumentIdentity): string {
  if (doc.docNo) {
    try {
      return docSlug(doc.docNo);
    } catch {
      // A 文号 in no known form: identified by its key like a notice without one.
    }
  }
  return `n-${sha256(documentKeyOf(doc)).slice(0, 12)}`;
}

/** The item id of a clause: itemIdOf(docNo, ref) for a document with a 文号. */
export function taskIdOf(docId: string, ref: string): string {
  return `${docId}.${refSlug(ref)}`;
}

/** How an item names its document to people: the 文号, else the title. */
export function documentLabelOf(doc: { docNo?: string | null; title?: string; key?: string }): string {
  return doc.docNo ?? doc.title ?? documentKeyOf(doc);
}
