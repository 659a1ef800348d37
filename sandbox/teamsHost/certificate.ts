import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local Teams host's HTTPS certificate: teams-js accepts the host's messages only from an https origin. Made at
 * start with openssl (self-signed, for localhost and 127.0.0.1, 30 days) into a git-ignored folder, never committed;
 * made again when it is older than 25 days. Browsers warn about it once; the browser tests ignore HTTPS errors.
 */
export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

const MAX_AGE_MS = 25 * 24 * 3600 * 1000;

export const localCertificate = (dir: string): Certificate => {
  mkdirSync(dir, { recursive: true });
  const keyFile = join(dir, 'localhost-key.pem');
  const certFile = join(dir, 'localhost-cert.pem');
  const fresh = existsSync(certFile) && existsSync(keyFile) && Date.now() - statSync(certFile).mtimeMs < MAX_AGE_MS;
  if (!fresh) {
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-sha256',
          '-days',
          '30',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost,IP:127.0.0.1',
          '-keyout',
          keyFile,
          '-out',
          certFile,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    } catch (error) {
      throw new Error(
        `The local Teams host needs openssl to make its HTTPS certificate (apt-get install -y openssl): ${(error as Error).message}`,
      );
    }
  }
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
};
