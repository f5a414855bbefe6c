// The bench's calls of the gateway's API, as a bureau user of `edu` (seedUsers' password).

export async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bureau-edu', password: 'duban-bureau-2019' }),
  });
  return ((await res.json()) as { token: string }).token;
}

export async function post(
  url: string,
  token: string,
  id: string,
  action: string,
  body: unknown,
  requestId?: string,
): Promise<unknown> {
  const res = await fetch(`${url}/api/items/${id}/actions/${action}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(requestId ? { 'x-request-id': requestId } : {}),
    },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`${action} ${id}: ${res.status} ${await res.text()}`);
  return res.json();
}
