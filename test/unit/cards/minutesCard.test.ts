import { describe, expect, it } from 'vitest';
import { buildMinutesCard, type MinutesCardOptions } from '../../../src/cards/minutesCard';
import { cardTexts, sectionTexts, typesIn } from '../../fixtures/cards/cardTexts';
import { demoPlanWithoutNameInTexts, largePlan, lastMeeting, PLAN_URL } from '../../fixtures/cards/minutesFixtures';
import { demoPeople, demoPlan } from '../../support/builders';
import { buildMinutesEmail } from '../../../src/cards/minutesEmail';
import type { Attendance, Invitee, Plan } from '../../../src/domain/plan/planDocument';

const build = (options: Partial<MinutesCardOptions> = {}, plan: Plan = demoPlan()) =>
  buildMinutesCard(
    { plan, meeting: lastMeeting(plan) },
    { lang: 'da', detail: 'summary', planUrl: PLAN_URL, ...options },
  );

/** The plan with every invitee's fremmøde at the last meeting set by `attendance`. */
const withAttendance = (plan: Plan, attendance: (invitee: Invitee) => Attendance): Plan => ({
  ...plan,
  meetings: plan.meetings.map((m) => ({
    ...m,
    invitees: m.invitees.map((i) => ({ ...i, attendance: attendance(i) })),
  })),
});

describe('the minutes card', () => {
  it('is an Adaptive Card 1.5 in Danish with a header of case reference and meeting time', () => {
    const card = build();
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', lang: 'da' });
    expect(cardTexts(card).slice(0, 3)).toEqual([
      'Referat · Koordinerende indsatsplansmøde',
      'KI-2026-014',
      'torsdag 3. september 2026 kl. 13.00–14.30',
    ]);
  });

  it('lists the participants with organisation and attendance, and who chaired and who wrote', () => {
    const participants = sectionTexts(build(), 'Deltagere');
    expect(participants).toContain('Mødeleder: Jonas Berg');
    expect(participants).toContain('Referent: Aisha Khan');
    expect(participants).toContain('Koordinator: Mette Larsen');
    expect(participants).toContain('Karen Skov: Distriktspsykiatrien Sundby · til stede');
    expect(participants).toContain('Ole Bak: Lægehuset Sundby · afbud');
    expect(participants).toContain('Birgitte Lund: Psykiatrisk afsnit P3 · fraværende');
  });

  it('leaves the attendance word out when nobody noted fremmøde, instead of "fremmøde ikke noteret" on every line', () => {
    const plan = withAttendance(demoPlan(), () => ({ kind: 'unknown' }));
    const participants = sectionTexts(build({}, plan), 'Deltagere');
    expect(participants).toContain('Karen Skov: Distriktspsykiatrien Sundby');
    expect(participants).toContain('Ole Bak: Lægehuset Sundby');
    expect(participants.join('\n')).not.toContain('fremmøde ikke noteret');
    const email = buildMinutesEmail(
      { plan, meeting: lastMeeting(plan) },
      { lang: 'da', detail: 'summary', planUrl: PLAN_URL },
    );
    expect(email.html).not.toContain('fremmøde ikke noteret');
    expect(email.html).toContain('Distriktspsykiatrien Sundby<');
  });

  it('still says "fremmøde ikke noteret" for those not noted when others were', () => {
    const plan = withAttendance(demoPlan(), (i) =>
      i.participantId === demoPeople.karen.id ? { kind: 'present' } : { kind: 'unknown' },
    );
    const participants = sectionTexts(build({}, plan), 'Deltagere');
    expect(participants).toContain('Karen Skov: Distriktspsykiatrien Sundby · til stede');
    expect(participants).toContain('Ole Bak: Lægehuset Sundby · fremmøde ikke noteret');
  });

  it('states the consent: its form, dates and whom it covers', () => {
    const consent = sectionTexts(build(), 'Samtykke');
    expect(consent).toContain('Samtykke givet');
    expect(consent).toContain('skriftligt, givet 3. september 2026, gyldigt til 3. september 2027');
    expect(consent.join('\n')).toContain('Omfatter: Sundby Rusmiddelcenter, Socialpsykiatrien Sundby');
  });

  it('numbers the shared goals in priority order', () => {
    expect(sectionTexts(build(), 'Fælles mål i prioriteret rækkefølge').slice(1)).toEqual([
      '1. Jens beholder sin lejlighed',
      '2. Jens drikker mindre og ryger mindre hash',
      '3. Jens har noget at stå op til om morgenen',
    ]);
  });

  it('lists each effort with its owner, what and by when, and the goal it serves', () => {
    const efforts = sectionTexts(build(), 'Indsatser');
    expect(efforts.slice(1)).toEqual([
      'Aisha Khan: Søge enkeltydelse til huslejerestancen — senest 30. september 2026 · mål 1',
      'Mette Larsen: Lave behandlingsplan for alkohol og hash sammen med Jens — senest 15. oktober 2026 · mål 2 · i gang',
      'Anders Frost: Gennemgå medicinen og bivirkningerne — senest 1. oktober 2026 · mål 2',
      'Peter Nielsen: Finde et praktiksted med få timer om ugen — senest 15. november 2026 · mål 3',
    ]);
  });

  it("keeps the citizen's own tasks in their own section", () => {
    expect(sectionTexts(build(), 'Borgerens egne opgaver').slice(1)).toEqual([
      'Tage bad og rydde op i køkkenet før næste møde',
      'senest 3. december 2026 · mål 1',
    ]);
  });

  it("states the citizen's acceptance, the next tovholder with the date to convene by, and the next meeting", () => {
    expect(sectionTexts(build(), 'Videre forløb').slice(1)).toEqual([
      'Borgerens accept: Borgeren accepterede planen i mødet.',
      'Næste tovholder: Peter Nielsen — indkald senest torsdag 3. december 2026',
      'Næste møde: senest torsdag 3. december 2026',
    ]);
  });

  it("shows how the previous plan's efforts went", () => {
    const plan = demoPlan();
    lastMeeting(plan).minutes.followUp = [
      { effortId: 'old1', what: 'Ansøgning om boligstøtte', ownerId: 'p-aisha', status: 'udfoert', note: '' },
      { effortId: 'old2', what: 'Tandlæge', ownerId: 'p-jens', status: null, note: 'Aflyst to gange' },
    ];
    expect(sectionTexts(build({}, plan), 'Opfølgning på sidste plan').slice(1)).toEqual([
      'Aisha Khan: Ansøgning om boligstøtte — udført',
      'Borgeren: Tandlæge — ikke vurderet',
    ]);
  });

  it('opens the plan with one deep link and has no Submit or Execute anywhere', () => {
    const card = build();
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Åbn planen i Tovholder', url: PLAN_URL }]);
    expect(typesIn(card).filter((t) => t.startsWith('Action.'))).toEqual(['Action.OpenUrl']);
  });

  it('refuses a deep link that is not http(s)', () => {
    expect(() => build({ planUrl: 'javascript:alert(1)' })).toThrow(/http/);
  });
});

describe('the card for one reader', () => {
  it('puts "Dine opgaver" first, with only their own efforts', () => {
    const card = build({ recipientParticipantId: 'p-anders' });
    const first = card.body[1];
    expect(first?.type === 'Container' && first.items[0]?.type === 'TextBlock' && first.items[0].text).toBe(
      'Dine opgaver',
    );
    expect(sectionTexts(card, 'Dine opgaver').slice(1)).toEqual([
      'Gennemgå medicinen og bivirkningerne',
      'senest 1. oktober 2026 · mål 2',
    ]);
  });

  it('tells the next tovholder so, even when they have efforts of their own', () => {
    const own = sectionTexts(build({ recipientParticipantId: 'p-peter' }), 'Dine opgaver');
    expect(own[1]).toBe('Du er næste tovholder: indkald senest torsdag 3. december 2026');
    expect(own).toContain('Finde et praktiksted med få timer om ugen');
  });

  it('says so when the reader has no tasks', () => {
    expect(sectionTexts(build({ recipientParticipantId: 'p-mikkel' }), 'Dine opgaver')).toEqual([
      'Dine opgaver',
      'Du har ingen opgaver i denne plan.',
    ]);
  });

  it('has no "Dine opgaver" when built for everyone', () => {
    expect(sectionTexts(build(), 'Dine opgaver')).toEqual([]);
  });
});

describe('detail levels', () => {
  const json = (detail: 'summary' | 'full') =>
    JSON.stringify(build({ detail, recipientParticipantId: 'p-jens' }, demoPlanWithoutNameInTexts()));

  it('summary never names the citizen or their relative, who share a surname', () => {
    expect(json('summary')).not.toMatch(/Jens|Holm|Lise/);
    expect(json('full')).toMatch(/Jens Holm/);
    const card = build({ detail: 'summary' });
    expect(sectionTexts(card, 'Deltagere')).toContain('Borgeren: til stede');
    expect(sectionTexts(card, 'Deltagere')).toContain('Pårørende: til stede');
  });

  it('summary leaves out round notes, challenge texts, written input and the consent wording', () => {
    const card = build({ detail: 'summary' }, largePlan());
    const texts = cardTexts(card).join('\n');
    expect(sectionTexts(card, 'Runden')).toEqual([]);
    expect(sectionTexts(card, 'Udfordringer')).toEqual([]);
    expect(sectionTexts(card, 'Skriftligt input fra afbud')).toEqual([]);
    expect(texts).not.toContain('Relation til borgeren');
    expect(texts).not.toContain('Helbredsoplysninger');
    expect(texts).toContain('Chatten viser et resumé uden følsomme oplysninger. Hele planen står i Tovholder.');
  });

  it('full shows the name, the round, the challenges, the written input and the consent wording', () => {
    const card = build({ detail: 'full' });
    expect(cardTexts(card)[1]).toBe('KI-2026-014 · Jens Holm');
    expect(sectionTexts(card, 'Runden')).toContain('Karen Skov');
    expect(sectionTexts(card, 'Runden')).toContain('Udfordringer: Bivirkninger af medicinen');
    expect(sectionTexts(card, 'Udfordringer').slice(1)).toEqual([
      '1. Huslejerestance: risiko for at miste lejligheden',
      '2. Daglig brug af alkohol og hash',
    ]);
    expect(sectionTexts(card, 'Skriftligt input fra afbud')).toContain(
      'Jens er startet på ny medicin; blodprøver er fine.',
    );
    expect(sectionTexts(card, 'Samtykke').join('\n')).toContain('Oplysninger: Helbredsoplysninger om psykisk sygdom');
    expect(sectionTexts(card, 'Deltagere')).toContain('Jens Holm: til stede');
  });
});

describe('language', () => {
  it('speaks English when asked, dates included', () => {
    const card = build({ lang: 'en', recipientParticipantId: 'p-peter' });
    expect(card.lang).toBe('en');
    const texts = cardTexts(card);
    expect(texts[2]).toBe('Thursday 3 September 2026, 13:00–14:30');
    expect(texts).toContain('Your tasks');
    expect(texts).toContain('You are the next coordinator: convene the meeting by Thursday 3 December 2026');
    expect(texts).toContain('Ole Bak: Lægehuset Sundby · sent apologies');
    expect(card.actions[0]?.title).toBe('Open the plan in Tovholder');
  });
});

describe('the delivery marker', () => {
  it('appears verbatim in the card, so a retry can find the posted message', () => {
    const marker = 'tovholder-delivery:0f3c9a.r2';
    const content = JSON.stringify(build({ deliveryMarker: marker }));
    expect(content).toContain(`Referat-id: ${marker}`);
    expect(build({ deliveryMarker: marker }).fallbackText).toContain(marker);
  });

  it('refuses a marker the escaping would change', () => {
    expect(() => build({ deliveryMarker: 'delivery_1' })).toThrow(/marker/);
    expect(() => build({ deliveryMarker: '<at>' })).toThrow(/marker/);
  });
});

describe('snapshots of a realistic card', () => {
  it('for the next tovholder, summary, Danish', () => {
    expect(build({ recipientParticipantId: 'p-peter', deliveryMarker: 'tovholder-delivery:demo' })).toMatchSnapshot();
  });

  it('for everyone, full, English', () => {
    expect(build({ detail: 'full', lang: 'en' })).toMatchSnapshot();
  });
});
