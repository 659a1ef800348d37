import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardCommand } from '../../../scripts/card';
import {} from '../../fixtures/cards/minutesFixtures';
import { demoPlan } from '../../support/builders';
import { schemaErrors } from '../../fixtures/cards/cardSchema';
import { parsePlanDocument } from '../../../src/domain/plan/migrations';

const DEMO = 'test/fixtures/cards/demo-plan.json';
const scratch = mkdtempSync(join(tmpdir(), 'tovholder-card-'));
const write = (name: string, text: string) => {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
};

describe('npm run card', () => {
  it('ships a demo plan: the seeded case KI-2026-014 as a valid plan document', () => {
    const parsed = parsePlanDocument(JSON.parse(readFileSync(DEMO, 'utf8')));
    expect(parsed.ok && parsed.plan.caseReference).toBe('KI-2026-014');
    expect(parsed.ok && parsed.plan.meetings.at(-1)?.minutes.nextTovholderId).toBe('p-peter');
  });

  it('prints the card for the last meeting as valid JSON, with the message size on stderr', () => {
    const result = cardCommand([DEMO]);
    expect(result.code).toBe(0);
    const card = JSON.parse(result.stdout) as unknown;
    expect(schemaErrors(card)).toEqual([]);
    expect(result.stdout).toContain('KI-2026-014');
    expect(result.stderr).toMatch(/^Chatbeskeden fylder \d+ bytes \(grænse 28672\)\.\n$/);
  });

  it('builds it for one recipient, in full, in English', () => {
    const result = cardCommand([DEMO, '--recipient', 'p-peter', '--detail', 'full', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"text": "Your tasks"');
    expect(result.stdout).toContain('Jens Holm');
  });

  it('prints the whole chat message or the e-mail when asked', () => {
    expect(JSON.parse(cardCommand([DEMO, '--message']).stdout)).toMatchObject({ body: { contentType: 'html' } });
    const mail = cardCommand([DEMO, '--email']);
    expect(mail.stdout).toContain('<html lang="da">');
    expect(mail.stderr).toContain('Emne: Referat: Koordinerende indsatsplansmøde – KI-2026-014');
  });

  it('says in Danish that a file is missing, and points to the demo plan', () => {
    const result = cardCommand([join(scratch, 'findes-ikke.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Filen findes ikke');
    expect(result.stderr).toContain('test/fixtures/cards/demo-plan.json');
  });

  it('says in Danish that a file is not JSON, or not a plan document', () => {
    expect(cardCommand([write('brudt.json', '{"id": ')]).stderr).toContain('er ikke gyldig JSON');
    expect(cardCommand([write('andet.json', '{"schemaVersion": 1, "id": 7}')]).stderr).toContain(
      'Plandokumentet kan ikke læses: feltet "id" er ugyldigt',
    );
    const noMeetings = { ...demoPlan(), meetings: [] };
    expect(cardCommand([write('tom.json', JSON.stringify(noMeetings))]).stderr).toContain('har ingen møder');
  });

  it('names the valid recipients when the one given is unknown', () => {
    expect(cardCommand([DEMO, '--recipient', 'nobody']).stderr).toContain(
      "Brug et af disse id'er: p-jens, p-lise, p-mette",
    );
  });

  it('explains its usage for a bad option', () => {
    const result = cardCommand([DEMO, '--detail', 'everything']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--detail skal være summary eller full');
    expect(result.stderr).toContain('demo-plan.json');
  });
});
