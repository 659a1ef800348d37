// `.env` (see .env.example), read the same way by the build (webpack.config.js) and `npm run package`.
import { existsSync, readFileSync } from 'node:fs';

/**
 * The variables in a .env file: `NAME=value` lines, `#` comments, optional quotes. A missing file gives none.
 * @param {string} file
 * @returns {Record<string, string>}
 */
export const readDotEnv = (file) => {
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
