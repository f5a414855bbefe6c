import { inspect } from 'node:util';

const MASK = '[secret]';

/**
 * A value that must never reach a log line or an API answer (a robot's webhook key, a signing
 * secret, an SMTP password): printing, JSON and util.inspect all show `[secret]`; only
 * `reveal()` gives the value, at the one place that sends it.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return MASK;
  }
  toJSON(): string {
    return MASK;
  }
  [inspect.custom](): string {
    return MASK;
  }
}

/** Removes every secret's value from a text (an error a library built from a URL, say). */
export function scrub(text: string, secrets: readonly Secret[]): string {
  let out = text;
  for (const s of secrets) {
    const value = s.reveal();
    if (value.length >= 4) out = out.split(value).join(MASK);
    // A URL's query (`?key=…`, `?access_token=…`) is itself secret, and is often echoed encoded.
    const encoded = encodeURIComponent(value);
    if (encoded !== value && encoded.length >= 4) out = out.split(encoded).join(MASK);
  }
  return out;
}
