import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildManifest, readManifestEnv, validateAgainstSchema } from '../../../manifest/buildManifest';
import { writeAppPackage } from '../../../manifest/package';

const env = {
  TOVHOLDER_APP_ID: '6f1b7c2e-3d4a-4b5c-8d9e-0a1b2c3d4e5f',
  TOVHOLDER_CLIENT_ID: '0c2d4e6f-8a9b-4c1d-9e2f-3a4b5c6d7e8f',
  TOVHOLDER_DOMAIN: 'tovholder.sundby-kommune.example',
};

describe('the app manifest', () => {
  it('validates offline against the schema shipped in @microsoft/app-manifest', () => {
    const { manifest, localizations } = buildManifest(readManifestEnv(env));
    expect(validateAgainstSchema(manifest)).toEqual([]);
    expect(validateAgainstSchema(localizations['en-us.json'], 'MicrosoftTeams.Localization.schema.json')).toEqual([]);
  });

  it('the schema check catches a broken manifest (so the test above can fail)', () => {
    const { manifest } = buildManifest(readManifestEnv(env));
    expect(validateAgainstSchema({ ...manifest, id: 'not-a-guid', accentColor: 'teal' }).length).toBeGreaterThan(0);
  });

  it('offers the plans tab, the meeting surfaces and the Outlook appointment command', () => {
    const manifest = buildManifest(readManifestEnv(env)).manifest as {
      configurableTabs: { context: string[] }[];
      webApplicationInfo: { id: string };
    };
    const text = JSON.stringify(manifest);
    expect(text).toContain('https://tovholder.sundby-kommune.example/plans.html');
    const tab = manifest.configurableTabs[0];
    expect(tab?.context).toEqual(['meetingDetailsTab', 'meetingChatTab', 'meetingSidePanel', 'meetingStage']);
    expect(text).toContain('"meetingDetailsOrganizer"');
    expect(text).toContain('Gør til indsatsplansmøde');
    expect(manifest.webApplicationInfo.id).toBe(env.TOVHOLDER_CLIENT_ID);
    expect(text).not.toContain('${{');
  });

  it('says in Danish which variables are missing or malformed', () => {
    expect(() => readManifestEnv({ TOVHOLDER_APP_ID: 'abc', TOVHOLDER_DOMAIN: 'https://x.dk/' })).toThrow(
      /TOVHOLDER_APP_ID skal være et GUID[\s\S]*TOVHOLDER_CLIENT_ID mangler[\s\S]*TOVHOLDER_DOMAIN skal være et værtsnavn/,
    );
  });

  it('packages manifest, localization and both icons into appPackage.zip', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tovholder-pkg-')), 'appPackage.zip');
    await writeAppPackage(env, out);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { id: string };
    expect(manifest.id).toBe(env.TOVHOLDER_APP_ID);
  });
});
