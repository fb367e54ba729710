// The verification mail links to /verify-email#token=…: the token rides in the fragment, which browsers never send
// to a server or put in a Referer, and the page takes it out of the address bar once read.

/** The token of a "#token=…" fragment, or null. */
export function tokenFromFragment(hash: string): string | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  const token = new URLSearchParams(fragment).get('token')?.trim();
  return token ? token : null;
}

/** Removes the fragment from the address bar (and history entry) without reloading. */
export function stripFragment(location: Pick<Location, 'pathname' | 'search' | 'hash'>, history: Pick<History, 'replaceState' | 'state'>): void {
  if (!location.hash) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}
