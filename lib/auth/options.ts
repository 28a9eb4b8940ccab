import type { NextAuthOptions } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { signInSchema } from './schemas';
import { authSecret, SESSION_IDLE_SECONDS } from './session-config';
import { verifySignIn } from './sign-in';


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
        const result = await verifySignIn(parsed.data.username, parsed.data.password);
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
};
