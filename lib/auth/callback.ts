// Client-safe: the sign-in page and its form both use it.

const PLACEHOLDER_ORIGIN = 'http://portal.invalid';

/**
 * Where to go after signing in. A return address is kept only when, read as a
 * browser reads it against the portal's origin, it stays on that origin; the
 * answer is then its path, query and fragment as the URL parser normalised
 * them, so `/\evil.example`, a tab after the first `/` or `//evil.example`
 * (which browsers read as another host) can never survive. Anything else: `/`.
 */
export function safeCallbackPath(value: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof value !== 'string' || value === '' || value.length > 2000) return '/';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  const path = url.pathname + url.search + url.hash;
  // Belt and braces: a path that still starts like a network path is refused.
  return /^\/[/\\]/.test(path) ? '/' : path;
}
