import { createHash, randomBytes } from 'node:crypto';

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** API keys look like `qg_<prefix>_<secret>`: the prefix finds the row, the secret is checked against its hash. */
export function newApiKeySecret(): { prefix: string; secret: string; token: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomToken(24);
  return { prefix, secret, token: `qg_${prefix}_${secret}` };
}

export function parseApiKey(token: string): { prefix: string; secret: string } | null {
  const match = /^qg_([0-9a-f]{12})_([\w-]{20,})$/.exec(token);
  const [, prefix, secret] = match ?? [];
  return prefix && secret ? { prefix, secret } : null;
}
