import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  MANIFEST_VERSION,
  buildManifest,
  readManifestEnv,
  validateAgainstSchema,
} from '../../../manifest/buildManifest';
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

  it('fails the build on a schema error in the template, naming where (so `npm run package` writes no zip)', () => {
    const broken = mkdtempSync(join(tmpdir(), 'tovholder-template-'));
    const template = JSON.parse(readFileSync('manifest/manifest.template.json', 'utf8')) as {
      configurableTabs: { context: string[] }[];
    };
    template.configurableTabs[0]!.context.push('meetingLobby');
    writeFileSync(join(broken, 'manifest.template.json'), JSON.stringify(template));
    copyFileSync('manifest/en-us.template.json', join(broken, 'en-us.template.json'));
    expect(() => buildManifest(readManifestEnv(env), broken)).toThrow(
      /does not validate:\n- manifest\.json \/configurableTabs\/0\/context\/4: must be equal to one of the allowed values/,
    );
  });

  it('uses a current 1.2x schema version that @microsoft/app-manifest ships', () => {
    const manifest = buildManifest(readManifestEnv(env)).manifest as { $schema: string; manifestVersion: string };
    expect(MANIFEST_VERSION).toMatch(/^1\.2\d$/);
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    );
  });

  it('has the personal plans tab, the meeting tab in every meeting context, the domain, the sign-in and the RSC permissions', () => {
    const manifest = buildManifest(readManifestEnv(env)).manifest as Record<string, unknown>;
    const domain = env.TOVHOLDER_DOMAIN;
    expect(manifest.id).toBe(env.TOVHOLDER_APP_ID);
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({
        entityId: 'plans',
        contentUrl: `https://${domain}/plans.html`,
        scopes: ['personal'],
      }),
    ]);
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: `https://${domain}/meeting.html?view=config`,
        scopes: ['groupChat'],
        context: ['meetingDetailsTab', 'meetingChatTab', 'meetingSidePanel', 'meetingStage'],
      }),
    ]);
    expect(manifest.validDomains).toEqual([domain]);
    expect(manifest.webApplicationInfo).toEqual({
      id: env.TOVHOLDER_CLIENT_ID,
      resource: `api://${domain}/${env.TOVHOLDER_CLIENT_ID}`,
    });
    expect(manifest.authorization).toEqual({
      permissions: {
        resourceSpecific: [
          { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
          { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Delegated' },
          { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Delegated' },
        ],
      },
    });
  });

  it('adds the Outlook appointment-compose command that opens the compose task pane', () => {
    const { extensions } = buildManifest(readManifestEnv(env)).manifest as {
      extensions: {
        requirements: { scopes: string[] };
        runtimes: { id: string; code: { page: string }; actions: { id: string; type: string; view: string }[] }[];
        ribbons: { contexts: string[]; tabs: { groups: { controls: { actionId: string; label: string }[] }[] }[] }[];
      }[];
    };
    expect(extensions).toHaveLength(1);
    const [outlook] = extensions as [(typeof extensions)[number]];
    expect(outlook.requirements.scopes).toEqual(['mail']);
    const [runtime] = outlook.runtimes;
    expect(runtime?.code.page).toBe(`https://${env.TOVHOLDER_DOMAIN}/compose.html`);
    expect(runtime?.actions).toEqual([{ id: 'openComposePane', type: 'openPage', view: 'compose' }]);
    const [ribbon] = outlook.ribbons;
    expect(ribbon?.contexts).toEqual(['meetingDetailsOrganizer']);
    const control = ribbon?.tabs[0]?.groups[0]?.controls[0];
    expect(control).toMatchObject({ label: 'Gør til indsatsplansmøde', actionId: 'openComposePane' });
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
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as {
      id: string;
      validDomains: string[];
      webApplicationInfo: { id: string };
    };
    expect(manifest.id).toBe(env.TOVHOLDER_APP_ID);
    expect(manifest.webApplicationInfo.id).toBe(env.TOVHOLDER_CLIENT_ID);
    expect(manifest.validDomains).toEqual([env.TOVHOLDER_DOMAIN]);
    expect(validateAgainstSchema(manifest)).toEqual([]);
    for (const icon of ['color.png', 'outline.png']) {
      expect(Buffer.from(await zip.file(icon)!.async('uint8array'))).toEqual(readFileSync(join('assets', icon)));
    }
  });
});
