// The guest history link /donations/guest#email=…&token=… carries its secret in the fragment, which browsers never
// send to a server. The page reads it once, keeps it in this tab's sessionStorage and takes it out of the address bar.

export interface GuestCredentials {
  email: string;
  token: string;
}

export const GUEST_HISTORY_STORAGE_KEY = 'careforall.guestHistory';

/** Email and token from a location hash ("#email=a%40b.org&token=x"), or null when either is missing. */
export function parseGuestFragment(hash: string | null | undefined): GuestCredentials | null {
  if (!hash) return null;
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const email = params.get('email')?.trim() ?? '';
  const token = params.get('token')?.trim() ?? '';
  if (!email || !token || !email.includes('@')) return null;
  return { email, token };
}

export function parseStoredCredentials(raw: string | null): GuestCredentials | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<GuestCredentials> | null;
    if (!value || typeof value.email !== 'string' || typeof value.token !== 'string' || !value.email || !value.token) return null;
    return { email: value.email, token: value.token };
  } catch {
    return null;
  }
}

/** The link in the address bar wins (a newer link); else what this tab kept from an earlier visit. */
export function guestCredentials(hash: string | null | undefined, stored: string | null): GuestCredentials | null {
  return parseGuestFragment(hash) ?? parseStoredCredentials(stored);
}

/** The address without the fragment, for history.replaceState. */
export function withoutFragment(location: { pathname: string; search: string }): string {
  return `${location.pathname}${location.search}`;
}
