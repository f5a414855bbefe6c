import { DeliveryFailure } from './failure';

const TIMEOUT_MS = 10_000;

/**
 * POSTs JSON and returns the answer's JSON (or null). A network error or a 5xx/429 is worth a
 * retry; any other 4xx is not. Error texts name `what`, never the URL: it carries the key.
 */
export async function postJson(
  what: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause : error) : null;
    throw new DeliveryFailure(
      `${what}: unreachable (${cause ? ((cause as { code?: string }).code ?? cause.name) : 'error'})`,
    );
  }
  const text = await response.text();
  if (response.status === 429) throw new DeliveryFailure(`${what}: HTTP 429`, false, retryAfter(response));
  if (response.status >= 500) throw new DeliveryFailure(`${what}: HTTP ${response.status}`);
  if (response.status >= 400) throw new DeliveryFailure(`${what}: HTTP ${response.status}`, true);
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

function retryAfter(response: Response): number | null {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

/** 企业微信 and 钉钉 answer 200 with `{ errcode, errmsg }`; 0 is success. */
export function checkRobotAnswer(what: string, answer: unknown, rateLimited: readonly number[]): void {
  const errcode = (answer as { errcode?: unknown } | null)?.errcode;
  if (errcode === 0) return;
  const errmsg = String((answer as { errmsg?: unknown } | null)?.errmsg ?? '').slice(0, 200);
  if (typeof errcode === 'number' && rateLimited.includes(errcode))
    throw new DeliveryFailure(`${what}: rate limited (errcode ${errcode})`, false, 60_000);
  throw new DeliveryFailure(
    `${what}: refused (errcode ${String(errcode)} ${errmsg})`,
    typeof errcode === 'number',
  );
}
