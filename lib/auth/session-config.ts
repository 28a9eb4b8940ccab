// Shared by the next-auth options and the proxy (which must stay light: no database imports).

/** Sessions end after 8 hours without a request (the proxy slides the expiry on use). */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;

export const authSecret = () => process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
