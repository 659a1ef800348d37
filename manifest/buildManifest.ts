/**
 * Fills the unified app manifest template from the environment and validates it offline against the
 * JSON schema shipped inside @microsoft/app-manifest. Used by `npm run package` and by the tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const MANIFEST_VERSION = '1.24';

/** Each variable the template needs, with what it is (also documented in .env.example). */
export const manifestVariables = {
  TOVHOLDER_APP_ID: 'the Teams app id (a GUID you choose once and keep)',
  TOVHOLDER_CLIENT_ID: 'the Entra app registration (SPA) client id',
  TOVHOLDER_DOMAIN: 'the host name the app is served from, e.g. tovholder.sundby-kommune.dk',
} as const;

export type ManifestEnv = Record<keyof typeof manifestVariables, string> & { APP_VERSION?: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

/** Reads and checks the variables; the message says which are missing or malformed and how to fix it. */
export const readManifestEnv = (env: Record<string, string | undefined>): ManifestEnv => {
  const problems: string[] = [];
  for (const [name, what] of Object.entries(manifestVariables)) {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} mangler: ${what}.`);
    else if (name !== 'TOVHOLDER_DOMAIN' && !GUID.test(value))
      problems.push(`${name} skal være et GUID, fik "${value}".`);
    else if (name === 'TOVHOLDER_DOMAIN' && !HOST.test(value))
      problems.push(`${name} skal være et værtsnavn uden https:// og uden sti, fik "${value}".`);
  }
  if (problems.length > 0) {
    throw new Error(
      `Kan ikke bygge app-pakken:\n- ${problems.join('\n- ')}\nSæt variablerne i miljøet eller i .env (se .env.example).`,
    );
  }
  return {
    TOVHOLDER_APP_ID: env.TOVHOLDER_APP_ID!.trim(),
    TOVHOLDER_CLIENT_ID: env.TOVHOLDER_CLIENT_ID!.trim(),
    TOVHOLDER_DOMAIN: env.TOVHOLDER_DOMAIN!.trim(),
    APP_VERSION:
      env.APP_VERSION?.trim() ||
      (JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8')) as { version: string }).version,
  };
};

const fill = (template: string, env: ManifestEnv): unknown => {
  const text = template.replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = (env as Record<string, string | undefined>)[name];
    if (value === undefined) throw new Error(`The manifest template uses \${{${name}}}, which has no value.`);
    return value;
  });
  return JSON.parse(text) as unknown;
};

const schemaPath = (file: string) =>
  join(
    dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build',
    'json-schemas',
    'teams',
    `v${MANIFEST_VERSION}`,
    file,
  );

const validator = (file: string) => {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(schemaPath(file), 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  return ajv.compile(schema);
};

export interface SchemaError {
  path: string;
  message: string;
}

export const validateAgainstSchema = (document: unknown, file = 'MicrosoftTeams.schema.json'): SchemaError[] => {
  const validate = validator(file);
  return validate(document)
    ? []
    : (validate.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: e.message ?? 'invalid' }));
};

export interface BuiltManifest {
  manifest: Record<string, unknown>;
  localizations: Record<string, Record<string, unknown>>;
}

/** `templates` is the folder holding the templates: manifest/ itself, or a test's broken copy. */
export const buildManifest = (env: ManifestEnv, templates = here): BuiltManifest => {
  const manifest = fill(readFileSync(join(templates, 'manifest.template.json'), 'utf8'), env) as Record<
    string,
    unknown
  >;
  const enUs = fill(readFileSync(join(templates, 'en-us.template.json'), 'utf8'), env) as Record<string, unknown>;
  const errors = [
    ...validateAgainstSchema(manifest).map((e) => `manifest.json ${e.path}: ${e.message}`),
    ...validateAgainstSchema(enUs, 'MicrosoftTeams.Localization.schema.json').map(
      (e) => `en-us.json ${e.path}: ${e.message}`,
    ),
  ];
  if (errors.length > 0) throw new Error(`The generated manifest does not validate:\n- ${errors.join('\n- ')}`);
  return { manifest, localizations: { 'en-us.json': enUs } };
};
