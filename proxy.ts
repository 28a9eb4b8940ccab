import { NextResponse, type NextRequest } from 'next/server';
import { encode, getToken } from 'next-auth/jwt';
import { authSecret, SESSION_IDLE_SECONDS } from '@/lib/auth/session-config';
import { FILE_CSP, isFilePath, securityHeaders } from '@/lib/security/headers';

// Before every request: security headers with a fresh CSP nonce; cross-site
// API calls refused; an optimistic sign-in gate (no session token → the
// sign-in page, or 401 for the API — the real checks of user, session epoch
// and policy run on the server in every page and action); and a valid
// session's expiry slid forward, so sessions end after SESSION_IDLE_SECONDS
// without a request. The icons and the manifest are public: a phone fetches
// them before anyone signs in (favicon.ico bypasses the proxy altogether).
const PUBLIC = [/^\/login$/, /^\/api\/auth\//, /^\/api\/health$/, /^\/manifest\.webmanifest$/, /^\/icons\/[\w.-]+$/];
const SLIDE_AFTER_SECONDS = 5 * 60;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const headers = securityHeaders(nonce, { https, dev: process.env.NODE_ENV !== 'production' });
  // An uploaded file is served sandboxed: its own page's policy would allow this site's scripts.
  if (isFilePath(pathname)) headers['Content-Security-Policy'] = FILE_CSP;
  const finish = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  };

  if (pathname.startsWith('/api/') && request.headers.get('sec-fetch-site') === 'cross-site') {
    return finish(NextResponse.json({ error: 'cross-site request refused' }, { status: 403 }));
  }

  // Next reads the nonce from the request's CSP header and puts it on its scripts.
  const forwarded = new Headers(request.headers);
  forwarded.set('x-nonce', nonce);
  forwarded.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  const next = () => NextResponse.next({ request: { headers: forwarded } });
  if (PUBLIC.some((p) => p.test(pathname))) return finish(next());

  const secret = authSecret();
  const token = secret ? await getToken({ req: request, secret, secureCookie: https }) : null;
  if (!token) {
    if (pathname.startsWith('/api/')) return finish(NextResponse.json({ error: 'unauthenticated' }, { status: 401 }));
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('callbackUrl', pathname + search);
    return finish(NextResponse.redirect(login));
  }
  const response = next();
  const now = Math.floor(Date.now() / 1000);
  if (typeof token.iat === 'number' && now - token.iat > SLIDE_AFTER_SECONDS) {
    const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
    response.cookies.set(`${https ? '__Secure-' : ''}next-auth.session-token`, await encode({ token: claims, secret: secret!, maxAge: SESSION_IDLE_SECONDS }), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: https,
      maxAge: SESSION_IDLE_SECONDS,
    });
  }
  return finish(response);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
