// Where to send a person after signing in or registering. Only a path on this site: an address from the query string
// that pointed elsewhere ("//evil.example", "https://…", "/\evil.example") would make sign-in an open redirect.

const BASE = 'https://careforall.invalid';

/** The path to go on to, or the fallback when `raw` is missing, foreign, or would land on sign-in/register again. */
export function safeReturnTo(raw: string | null | undefined, fallback = '/'): string {
  if (!raw) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//')) return fallback;
  // Backslashes count as slashes for browsers ("/\\host"), and tabs or newlines are dropped while parsing ("/\t/host").
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  if (/^\/(signin|register)\/?$/.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The query string that carries `returnTo` on to another account page (sign-in ⇄ register), or "" for the home page. */
export function returnToQuery(returnTo: string): string {
  return returnTo === '/' ? '' : `?${new URLSearchParams({ returnTo }).toString()}`;
}
