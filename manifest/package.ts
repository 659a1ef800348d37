/**
 * `npm run package`: fills the manifest from the environment (and .env), validates it offline,
 * and writes build/appPackage.zip with the icons from assets/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { buildManifest, readManifestEnv } from './buildManifest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const dotEnv = (file: string): Record<string, string> => {
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#') && line.includes('='))
      .map((line) => {
        const at = line.indexOf('=');
        return [
          line.slice(0, at).trim(),
          line
            .slice(at + 1)
            .trim()
            .replace(/^["']|["']$/g, ''),
        ];
      }),
  );
};

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
  writeAppPackage({ ...dotEnv(join(root, '.env')), ...process.env }, out).then(
    (files) => console.log(`build/appPackage.zip: ${files.join(', ')} (manifest ${'v1.24'}, valideret mod skemaet)`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
