import type { NextAuthOptions } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { logError, newRequestId } from '@/lib/server/request-id';
import { endOwnSessions } from '@/lib/users/mutations';
import { signInSchema } from './schemas';
import { authSecret, SESSION_IDLE_SECONDS } from './session-config';
import { verifySignIn } from './sign-in';
import { loadSessionUser } from './session-user';


declare module 'next-auth' {
  interface User {
    epoch: number;
  }
  interface Session {
    uid: number;
    epoch: number;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    uid: number;
    epoch: number;
  }
}

/** The error code the sign-in form shows as "the system failed, quote this id". */
export const UNAVAILABLE_PREFIX = 'unavailable-';

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  providers: [
    Credentials({
      credentials: { username: { type: 'text' }, password: { type: 'password' } },
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        let result;
        try {
          result = await verifySignIn(parsed.data.username, parsed.data.password);
        } catch (error) {
          // next-auth hands a thrown message to the browser: never the driver's text, only an id to quote.
          const id = newRequestId();
          logError(id, error);
          throw new Error(UNAVAILABLE_PREFIX + id);
        }
        if (!result.ok) {
          if (result.reason === 'locked') throw new Error('locked');
          return null;
        }
        return { id: String(result.user.id), epoch: result.user.sessionEpoch };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.epoch = user.epoch;
      }
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, uid: token.uid, epoch: token.epoch };
    },
  },
  events: {
    // Signing out ends the session on the server, on every device (the epoch moves on, audited);
    // a session already ended (an older epoch) has nothing left to end.
    async signOut({ token }) {
      try {
        const user = typeof token?.uid === 'number' && typeof token.epoch === 'number' ? await loadSessionUser(token.uid, token.epoch) : null;
        if (user) await endOwnSessions(user, {});
      } catch (error) {
        logError(newRequestId(), error);
      }
    },
  },
};
