// The reporting API, relative to the page (the console relays it with the signed-in person's token): same-origin
// requests only, filters as query parameters.

const FILTER_KEYS = ['period', 'from', 'to', 'province', 'district', 'commune', 'agency', 'concern'];

/** The query string of the API filters that are set (period and from/to are exclusive: the form ensures it). */
export function filterQuery(filters, extra = {}) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value != null && value !== '') params.set(key, value);
  }
  return params.toString();
}

export function url(path, filters = {}, extra = {}) {
  const query = filterQuery(filters, extra);
  return query ? `${path}?${query}` : path;
}

/**
 * GET a JSON view. Resolves (never rejects) to {kind: 'ok', data} | {kind: 'unavailable'} (404: the server does not
 * serve this view yet) | {kind: 'invalid', fields} (400 problem) | {kind: 'signedOut'} (401: the session ended) |
 * {kind: 'forbidden'} (403: the person's roles do not reach this view) | {kind: 'error', status}.
 */
export async function getJson(path, filters, extra, signal) {
  let response;
  try {
    response = await fetch(url(path, filters, extra), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    return { kind: 'error', status: 'network' };
  }
  if (response.status === 404) return { kind: 'unavailable' };
  if (response.status === 401) return { kind: 'signedOut' };
  if (response.status === 403) return { kind: 'forbidden' };
  if (response.status === 400) {
    const problem = await response.json().catch(() => ({}));
    const fields = Array.isArray(problem.errors) ? [...new Set(problem.errors.map((e) => e.field))] : [];
    return { kind: 'invalid', fields };
  }
  if (response.status === 422) return { kind: 'tooLarge' };
  if (response.status === 503) return { kind: 'busy' };
  if (!response.ok) return { kind: 'error', status: response.status };
  try {
    return { kind: 'ok', data: await response.json() };
  } catch {
    return { kind: 'error', status: 'json' };
  }
}
