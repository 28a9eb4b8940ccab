import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum parameters (19 MiB, 2 passes): ~40 ms here.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // not an argon2 hash (e.g. a disabled account)
  }
}

/** A hash to verify against when the username is unknown, so timing does not tell. */
let decoy: Promise<string> | undefined;
export function decoyHash() {
  decoy ??= hashPassword('decoy-password-never-matches');
  return decoy;
}
