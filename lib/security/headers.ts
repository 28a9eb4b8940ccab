// The headers every response carries. The script policy is a per-request
// nonce with 'strict-dynamic': no inline script runs without it, and no
// origin but this one is ever named (intranets have no internet anyway).

type Context = { https: boolean; dev: boolean };

export function contentSecurityPolicy(nonce: string, { https, dev }: Context) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes (charts, progress bars); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(nonce: string, context: Context): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(nonce, context),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // Production sits behind TLS; browsers ignore HSTS on plain http.
    ...(!context.dev && { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }),
  };
}

/** Evidence files: nothing in them may run or load anything, whatever a browser takes them for. */
export const FILE_CSP = "default-src 'none'; sandbox";
export const isFilePath = (pathname: string) => /^\/api\/attachments\/\d+(\/thumb)?$/.test(pathname);
