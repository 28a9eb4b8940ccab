import { NextResponse, type NextRequest } from 'next/server';
import { encode, getToken } from 'next-auth/jwt';
import { authSecret, SESSION_IDLE_SECONDS } from '@/lib/auth/session-config';

// An optimistic gate: no session token → the sign-in page (pages) or 401
// (API). The real check (user active, session epoch, policy) is on the server
// in every page and action. A valid token's expiry slides on use, so sessions
// end after SESSION_IDLE_SECONDS without a request.
const PUBLIC = [/^\/login$/, /^\/api\/auth\//, /^\/api\/health$/];
const SLIDE_AFTER_SECONDS = 5 * 60;

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  const secret = authSecret();
  const secureCookie = request.nextUrl.protocol === 'https:';
  const token = secret ? await getToken({ req: request, secret, secureCookie }) : null;
  if (!token) {
    if (pathname.startsWith('/api/')) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('callbackUrl', pathname + search);
    return NextResponse.redirect(login);
  }
  const response = NextResponse.next();
  const now = Math.floor(Date.now() / 1000);
  if (typeof token.iat === 'number' && now - token.iat > SLIDE_AFTER_SECONDS) {
    const cookieName = `${secureCookie ? '__Secure-' : ''}next-auth.session-token`;
    const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
    response.cookies.set(cookieName, await encode({ token: claims, secret: secret!, maxAge: SESSION_IDLE_SECONDS }), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: secureCookie,
      maxAge: SESSION_IDLE_SECONDS,
    });
  }
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
