import { describe, expect, it } from 'vitest';
import { meetingBodyHtml, meetingSubject } from '../../../../src/domain/booking/eventContent';
import { standardAgenda } from '../../../../src/domain/agenda/standardAgenda';
import { carryOver } from '../../../../src/domain/followUp/carryOver';
import { copenhagenInstant } from '../../../../src/domain/time/danishTime';
import { demoPlan } from '../../../support/builders';

const start = copenhagenInstant('2027-03-04', '13:00').toISOString();
const body = (over: Partial<Parameters<typeof meetingBodyHtml>[0]> = {}) =>
  meetingBodyHtml({
    caseReference: 'KI-2026-014',
    agenda: standardAgenda(90),
    start,
    planUrl: 'https://tovholder.example/plans.html?planId=plan-ki-2026-014',
    ...over,
  });

describe('the calendar invitation', () => {
  it('has the privacy-safe subject with the case reference', () => {
    expect(meetingSubject('KI-2026-014')).toBe('Koordinerende indsatsplansmøde – KI-2026-014');
  });

  it('lists the five items with their time boxes and who leads them', () => {
    const html = body();
    expect(html).toContain('<li>13.00–13.05 Stamoplysninger (koordinator)</li>');
    expect(html).toContain('<li>13.05–13.40 Afdækning (koordinator)</li>');
    expect(html).toContain('<li>13.40–13.55 Udfordringer (behandlere, borger, pårørende)</li>');
    expect(html).toContain('<li>13.55–14.15 Fælles mål og prioritering (behandlere, borger, pårørende)</li>');
    expect(html).toContain('<li>14.15–14.30 Opfølgning (koordinator)</li>');
    expect(html).toContain('torsdag 4. marts 2027 kl. 13.00');
  });

  it('links to the plan', () => {
    expect(body()).toContain(
      '<a href="https://tovholder.example/plans.html?planId=plan-ki-2026-014">Åbn indsatsplanen</a>',
    );
  });

  it("carries nothing about the citizen: no name, no efforts' texts, only how many efforts to follow up", () => {
    const plan = demoPlan();
    const html = body({ followUp: carryOver(plan.meetings[0]!.minutes) });
    expect(html).toContain('5 indsatser fra sidste møde');
    expect(html).not.toMatch(/Jens|Holm/);
    for (const effort of plan.meetings[0]!.minutes.efforts) expect(html).not.toContain(effort.what);
  });

  it('escapes a case reference with markup, and leaves out a link that is not a web address', () => {
    const html = body({ caseReference: 'KI<script>alert(1)</script>', planUrl: 'javascript:alert(1)' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('KI&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('javascript:');
  });

  it('speaks English when asked', () => {
    const html = body({ lang: 'en' });
    expect(html).toContain('13:00–13:05 Basic information (coordinator)');
    expect(html).toContain('Open the plan');
  });
});
