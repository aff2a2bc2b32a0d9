/**
 * One JSON request of a scenario's set-up or check (not a measured request): the answer parsed, anything but 2xx an
 * error naming the scenario (`label`), the route and the refusal.
 */
export async function apiCall(
  label: string,
  base: string,
  method: 'POST' | 'GET',
  url: string,
  cookie: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${label}: ${method} ${url} answered ${response.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as unknown) : null;
}
