/**
 * `npm run package`: fills the manifest from the environment (and .env), validates it offline,
 * and writes build/appPackage.zip with the icons from assets/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { readDotEnv } from '../scripts/dotEnv.js';
import { MANIFEST_VERSION, buildManifest, readManifestEnv } from './buildManifest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const writeAppPackage = async (env: Record<string, string | undefined>, outFile: string): Promise<string[]> => {
  const { manifest, localizations } = buildManifest(readManifestEnv(env));
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const [name, content] of Object.entries(localizations)) zip.file(name, JSON.stringify(content, null, 2));
  zip.file('color.png', readFileSync(join(root, 'assets', 'color.png')));
  zip.file('outline.png', readFileSync(join(root, 'assets', 'outline.png')));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return Object.keys(zip.files).sort();
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(root, 'build', 'appPackage.zip');
  writeAppPackage({ ...readDotEnv(join(root, '.env')), ...process.env }, out).then(
    (files) =>
      console.log(`build/appPackage.zip: ${files.join(', ')} (manifest v${MANIFEST_VERSION}, valideret mod skemaet)`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
