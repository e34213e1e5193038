import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * The Ed25519 key that signs audit checkpoints. The platform holds the private key (AUDIT_SIGNING_KEY); auditors
 * need only the public one, printed at start-up and by `qadagalau audit public-key`, to check every checkpoint
 * without being able to make one.
 */
export interface CheckpointSigner {
  keyId: string;
  publicKey: string;
  sign(message: string): string;
}

export interface CheckpointVerifier {
  keyId: string;
  verify(message: string, signature: string): boolean;
}

// PKCS#8 DER of an Ed25519 private key is this prefix and the 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
// SubjectPublicKeyInfo DER of an Ed25519 public key is this prefix and the 32 raw bytes.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Reads a private key given as PEM, base64 PKCS#8 DER, or a 32-byte seed in hex or base64. */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: derOf(trimmed), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType ?? 'another kind'}`);
  return key;
}

function derOf(text: string): Buffer {
  const bytes = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (bytes.length === 32) return Buffer.concat([ED25519_PKCS8_PREFIX, bytes]);
  if (bytes.length === 48) return bytes;
  throw new Error('expected a PEM key, base64 PKCS#8, or a 32-byte Ed25519 seed (64 hex digits or base64)');
}

/** The 32 raw bytes of a public key, base64: what auditors are given. */
export function rawPublicKey(key: KeyObject): string {
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return der.subarray(ED25519_SPKI_PREFIX.length).toString('base64');
}

export function publicKeyFromRaw(raw: string): KeyObject {
  const bytes = Buffer.from(raw.trim(), 'base64');
  if (bytes.length !== 32) throw new Error('expected a 32-byte Ed25519 public key in base64');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
}

export const keyIdOf = (rawPublic: string) =>
  createHash('sha256').update(Buffer.from(rawPublic, 'base64')).digest('hex').slice(0, 16);

export function signerFrom(privateKey: KeyObject): CheckpointSigner {
  const publicKey = rawPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    sign: (message) => sign(null, Buffer.from(message), privateKey).toString('base64'),
  };
}

export function verifierFrom(rawPublic: string): CheckpointVerifier {
  const key = publicKeyFromRaw(rawPublic);
  return {
    keyId: keyIdOf(rawPublic),
    verify: (message, signature) => {
      try {
        return verify(null, Buffer.from(message), key, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** A new key, as the 32-byte seed in hex (for AUDIT_SIGNING_KEY) and its public key. */
export function newSigningKey(): { privateSeed: string; publicKey: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return {
    privateSeed: der.subarray(ED25519_PKCS8_PREFIX.length).toString('hex'),
    publicKey: rawPublicKey(privateKey),
  };
}

/**
 * The signing key outside production when none is configured: kept in the data directory (owner-only), made on
 * first use, so a development install signs its checkpoints too. Production must configure AUDIT_SIGNING_KEY.
 */
export function localSigningKey(dataDir: string): KeyObject {
  const path = join(resolve(dataDir), 'audit-signing.key');
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${newSigningKey().privateSeed}\n`, { mode: 0o600 });
  }
  chmodSync(path, 0o600);
  return parsePrivateKey(readFileSync(path, 'utf8'));
}

export interface AuditKeys {
  /** Signs checkpoints; undefined in production without AUDIT_SIGNING_KEY (start-up warns). */
  signer: CheckpointSigner | undefined;
  /** Public keys checkpoints are verified with: the signer's, and any an auditor gives. */
  verifiers: CheckpointVerifier[];
}

export function auditKeysFor(
  config: { auditSigningKey?: string | undefined; env: string; dataDir: string },
  extraPublicKeys: readonly string[] = [],
): AuditKeys {
  const privateKey = config.auditSigningKey
    ? parsePrivateKey(config.auditSigningKey)
    : config.env === 'production'
      ? undefined
      : localSigningKey(config.dataDir);
  const signer = privateKey ? signerFrom(privateKey) : undefined;
  const publics = [...(signer ? [signer.publicKey] : []), ...extraPublicKeys];
  return { signer, verifiers: [...new Set(publics)].map(verifierFrom) };
}
