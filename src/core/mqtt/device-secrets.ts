import { pbkdf2 as pbkdf2Callback, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device passwords are stored as Mosquitto stores them in a password_file (`$7$<iterations>$<salt>$<hash>`, PBKDF2
 * with SHA-512, base64), so the same hashes serve the embedded broker and an external Mosquitto given the exported
 * file. Secrets are 32 random bytes, so the iteration count guards against nothing a guess could reach; it is kept
 * above Mosquitto's default of 101 all the same.
 */
const ITERATIONS = 1000;
const SALT_BYTES = 12;
const HASH_BYTES = 64;

const pbkdf2 = (secret: string, salt: Buffer, iterations: number) =>
  new Promise<Buffer>((resolve, reject) => {
    pbkdf2Callback(secret, salt, iterations, HASH_BYTES, 'sha512', (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });

/** 32 random bytes; never one that starts like an API key (`qg_`), which a broker guard may read as one. */
export function newDeviceSecret(): string {
  for (;;) {
    const secret = randomBytes(32).toString('base64url');
    if (!secret.startsWith('qg_')) return secret;
  }
}

export async function hashDeviceSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await pbkdf2(secret, salt, ITERATIONS);
  return `$7$${String(ITERATIONS)}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyDeviceSecret(secret: string, stored: string): Promise<boolean> {
  const match = /^\$7\$(\d{1,7})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!match) return false;
  const expected = Buffer.from(match[3] ?? '', 'base64');
  const iterations = Number(match[1]);
  if (expected.length !== HASH_BYTES || iterations < 1) return false;
  const actual = await pbkdf2(secret, Buffer.from(match[2] ?? '', 'base64'), iterations);
  return timingSafeEqual(actual, expected);
}
