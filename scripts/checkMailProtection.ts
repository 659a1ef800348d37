/**
 * `npm run build` runs this first: the admin's mail-protection setting (TOVHOLDER_MAIL_PROTECTION,
 * TOVHOLDER_TLS_DOMAINS, from the environment or .env, as webpack.config.js reads them) checked by the app's own
 * rule (src/domain/policy/mailProtection.ts), so a typo is said in Danish at build time, not first at Send referat.
 * An error stops the build; a warning is printed. The built app never sends anything unprotected because of a typo
 * either way: it reads a bad setting as `none`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMailProtection, type MailProtectionSetup } from '../src/domain/policy/mailProtection';
import { readDotEnv } from './dotEnv.js';

export const mailProtectionReport = (setup: MailProtectionSetup): { lines: string[]; ok: boolean } => {
  const { protection, problems } = setup;
  const mode =
    protection.mode === 'tls'
      ? `tls (tvungen TLS til ${protection.partnerDomains.join(', ') || 'ingen domæner'})`
      : protection.mode;
  return {
    ok: problems.every((p) => p.severity !== 'error'),
    lines: [
      `E-mailbeskyttelse: ${mode}`,
      ...problems.map((p) => `${p.severity === 'error' ? 'Fejl' : 'Advarsel'}: ${p.message.da}`),
    ],
  };
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(fileURLToPath(import.meta.url), '..', '..');
  const env = { ...readDotEnv(join(root, '.env')), ...process.env };
  const report = mailProtectionReport(
    readMailProtection({ mode: env.TOVHOLDER_MAIL_PROTECTION, partnerDomains: env.TOVHOLDER_TLS_DOMAINS }),
  );
  for (const line of report.lines) (report.ok ? console.log : console.error)(line);
  if (!report.ok) process.exitCode = 1;
}
