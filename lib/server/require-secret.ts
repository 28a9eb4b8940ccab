/** A production server without a session secret could sign nothing safely: stop with one clear line. */
export function requireSessionSecret() {
  if (process.env.NODE_ENV !== 'production') return;
  if (process.env.NEXTAUTH_SECRET || process.env.AUTH_SECRET) return;
  console.error('Set NEXTAUTH_SECRET (at least 32 random characters), or start the portal with `npm start`.');
  process.exit(1);
}
