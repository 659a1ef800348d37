import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../../../src/domain/ports/outcome';
import { aUser, aPlansWorld, people, renderPlansTab, type PlansWorld } from './plansHarness';

beforeEach(() => sessionStorage.clear());

/** Mette, koordinator at Sundby Rusmiddelcenter, starts a new plan from the home screen. */
const startNewPlan = async (world: PlansWorld = aPlansWorld({ as: 'mette', plans: [] })) => {
  const user = aUser();
  const view = renderPlansTab(world);
  await user.click(await screen.findByRole('button', { name: 'Ny plan' }));
  await screen.findByRole('heading', { name: 'Book et nyt indsatsplansmøde' });
  return { user, world, view };
};

const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
/** Date and time inputs: typed the way the browser's picker sets them. */
const setValue = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(new RegExp(`^${label}`)), { target: { value } });
const dateOrTime = (label: string) => screen.getByLabelText(new RegExp(`^${label}`)) as HTMLInputElement;

/** What the user writes into a text field (pasted in one go: typing key by key adds nothing but minutes). */
const write = async (user: ReturnType<typeof aUser>, input: HTMLElement, text: string) => {
  await user.click(input);
  await user.paste(text);
};

const addByEmail = async (user: ReturnType<typeof aUser>, name: string, email: string) => {
  const form = screen.getByRole('group', { name: 'Tilføj en person uden for adressebogen' });
  await write(user, within(form).getByRole('textbox', { name: 'Navn' }), name);
  if (email) await write(user, within(form).getByRole('textbox', { name: 'E-mail' }), email);
  await user.click(within(form).getByRole('button', { name: 'Tilføj deltager' }));
  return form;
};

const addFromDirectory = async (user: ReturnType<typeof aUser>, query: string, name: string) => {
  const search = screen.getByRole('search', { name: 'Søg i adressebogen' });
  const box = within(search).getByRole('searchbox', { name: 'Søg i adressebogen' });
  await user.clear(box);
  await write(user, box, query);
  await user.click(await within(search).findByRole('button', { name: `Tilføj ${name}` }));
};

/** A complete booking for KI-2026-031 on Thursday 3 December 2026 13.00–14.30. */
const fillInABooking = async (user: ReturnType<typeof aUser>) => {
  await write(user, field('Sagsreference'), 'KI-2026-031');
  await write(user, field('Borgerens navn'), 'Jens Holm');
  await addFromDirectory(user, 'jonas', people.jonas.name);
  await addFromDirectory(user, 'aisha', people.aisha.name);
  await addByEmail(user, 'Ole Bak', 'ole.bak@laegehuset-sundby.example');
  setValue('Dato', '2026-12-03');
  setValue('Start', '13:00');
};

describe('booking a new plan', { timeout: 60_000 }, () => {
  it('creates the Teams meeting with the case reference and no name, pins the tab, and saves the plan', async () => {
    const { user, world } = await startNewPlan();
    await fillInABooking(user);
    expect(dateOrTime('Slut').value).toBe('14:30');
    await user.click(screen.getByRole('button', { name: 'Book mødet' }));

    await screen.findByRole('heading', { name: 'Mødet er booket' });
    expect(
      screen.getByText('Tovholder-fanen er sat op i mødets chat, så dagsordenen ligger klar, når mødet starter.'),
    ).toBeVisible();
    expect(
      screen.getByText('Husk: Samtykke mangler. Referatet kan først sendes, når samtykket er registreret.'),
    ).toBeVisible();
    const [event] = world.calendar.created;
    expect(event?.draft.subject).toBe('Koordinerende indsatsplansmøde – KI-2026-031');
    expect(`${event?.draft.subject} ${event?.draft.bodyHtml}`).not.toMatch(/Jens|Holm/);
    expect(event?.draft.attendees.map((a) => a.email)).toEqual([
      people.mette.email,
      people.jonas.email,
      people.aisha.email,
      'ole.bak@laegehuset-sundby.example',
    ]);
    expect(world.meetingChat.pinned).toHaveLength(1);
    const listed = await world.store.list();
    if (!listed.ok || listed.value.plans.length !== 1) throw new Error('one plan should have been saved');
    const plan = listed.value.plans[0]!.plan;
    expect(plan.caseReference).toBe('KI-2026-031');
    expect(plan.citizenName).toBe('Jens Holm');
    expect(plan.consent).toBeNull();
    expect(plan.meetings[0]?.transactionId).toBe(event?.draft.transactionId);
    expect(plan.meetings[0]?.roles.koordinator).toBe(plan.participants.find((p) => p.email === people.mette.email)?.id);
  });

  it('explains the two clicks when the tenant does not allow pinning the tab', async () => {
    const { user } = await startNewPlan(aPlansWorld({ as: 'mette', plans: [], pinAllowed: false }));
    await fillInABooking(user);
    await user.click(screen.getByRole('button', { name: 'Book mødet' }));
    expect(
      await screen.findByText(
        'Fanen kunne ikke sættes op automatisk. Sådan gør du med to klik: Åbn mødets chat → + → Tovholder.',
      ),
    ).toBeVisible();
  });
});

/** Jonas is busy all Monday 30 November (08.00–16.00 Copenhagen). */
const jonasBusyMonday = () =>
  aPlansWorld({
    as: 'mette',
    plans: [],
    busy: [{ email: people.jonas.email ?? '', start: '2026-11-30T07:00:00.000Z', end: '2026-11-30T15:00:00.000Z' }],
  });

const bestTimes = () =>
  within(screen.getByRole('list', { name: 'Bedste tider' }))
    .getAllByRole('button')
    .map((b) => b.textContent);

/** KI-2026-035 with Jonas (busy Monday) from the address book and the GP by e-mail, once Jonas's free/busy is in. */
const findingATimeWithJonasAndTheGP = async () => {
  const { user, world } = await startNewPlan(jonasBusyMonday());
  await write(user, field('Sagsreference'), 'KI-2026-035');
  await addFromDirectory(user, 'jonas', people.jonas.name);
  await addByEmail(user, 'Ole Bak', 'ole.bak@laegehuset-sundby.example');
  await screen.findByRole('list', { name: 'Bedste tider' });
  // Monday 08.00 is the earliest time, but Jonas is busy: the first best time is Tuesday's, with the GP unknown.
  // (Free/busy is asked for again, debounced, after each person added: wait for the answer that includes Jonas.)
  await waitFor(
    () => expect(bestTimes()[0]).toBe('tirsdag 1. december 2026 kl. 08.00–09.30 · alle kendte er ledige · 1 ukendt'),
    { timeout: 10_000 },
  );
  return { user, world };
};

describe('finding a time', { timeout: 60_000 }, () => {
  it('offers no best time until the calendar of the person just added has answered', async () => {
    const world = jonasBusyMonday();
    const answers = world.calendar.holdSchedule();
    const { user } = await startNewPlan(world);
    await write(user, field('Sagsreference'), 'KI-2026-035');
    await addFromDirectory(user, 'jonas', people.jonas.name);
    // Until Jonas's calendar has answered, no best times are offered (Monday 08.00, when he is busy, would come
    // first): the section says it is fetching free time.
    expect(screen.queryByRole('list', { name: 'Bedste tider' })).toBeNull();
    expect(screen.getByText('Henter ledig tid …')).toBeVisible();
    await act(async () => answers.release());
  });

  it('puts the times everyone known is free first, and shows people outside the organisation as unknown, never free', async () => {
    const { world } = await findingATimeWithJonasAndTheGP();
    expect(screen.getByText('Ukendt ledighed: Ole Bak.')).toBeVisible();
    expect(bestTimes().every((text) => text?.endsWith('alle kendte er ledige · 1 ukendt'))).toBe(true);
    // The week grid: Monday 08.00 shows the conflict; the GP is never counted as free, only as unknown.
    const monday = screen.getByRole('button', { name: /^mandag 30\. november 2026 kl\. 08\.00–09\.30: / });
    expect(monday.getAttribute('aria-label')).toMatch(/: 1 optaget · 1 ukendt$/);
    expect(monday.textContent).toBe('1');
    // Only the people in the organisation are asked for, in one call.
    expect([...(world.calendar.scheduleCalls.at(-1)?.emails ?? [])].sort()).toEqual([
      people.jonas.email,
      people.mette.email,
    ]);
  });

  it('books the best time picked, 90 minutes unless the length is changed', async () => {
    const { user, world } = await findingATimeWithJonasAndTheGP();
    await user.click(
      within(screen.getByRole('list', { name: 'Bedste tider' })).getAllByRole('button')[0] as HTMLElement,
    );
    expect(dateOrTime('Dato').value).toBe('2026-12-01');
    expect(dateOrTime('Start').value).toBe('08:00');
    expect(dateOrTime('Slut').value).toBe('09:30');
    expect((screen.getByRole('combobox', { name: 'Mødets længde' }) as HTMLSelectElement).value).toBe('90');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Mødets længde' }), '60');
    expect(dateOrTime('Slut').value).toBe('09:00');
    await user.click(screen.getByRole('button', { name: 'Book mødet' }));
    await screen.findByRole('heading', { name: 'Mødet er booket' });
    const draft = world.calendar.created[0]?.draft;
    expect(draft?.start).toBe('2026-12-01T07:00:00.000Z');
    expect(draft?.end).toBe('2026-12-01T08:00:00.000Z');
  });

  it('says in Danish when free time cannot be fetched, and fetches again when asked', async () => {
    const world = aPlansWorld({ as: 'mette', plans: [] });
    world.calendar.failNext('schedule', failure('forbidden', 'ErrorAccessDenied', 'Access is denied', 403));
    const { user } = await startNewPlan(world);
    expect(
      await screen.findByText(
        'Tovholder har ikke tilladelse til at se deltagernes ledige tid i jeres Microsoft 365 (ErrorAccessDenied). Bed jeres IT-afdeling om tilladelsen, eller vælg dato og tid selv ovenfor.',
      ),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Hent igen' }));
    await screen.findByRole('list', { name: 'Bedste tider' });
  });
});

describe('the citizen, the relatives, optional people and the consent', { timeout: 60_000 }, () => {
  it('keeps the citizen and a relative out of the invitation, invites one person as optional, and saves the consent', async () => {
    const { user, world } = await startNewPlan();
    await fillInABooking(user);
    const form = screen.getByRole('group', { name: 'Tilføj en person uden for adressebogen' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Sektor' }), 'Borger');
    expect(
      within(form).getByText('Kan udelades for borgeren og pårørende, hvis de ikke skal have invitationen.'),
    ).toBeVisible();
    await addByEmail(user, 'Jens Holm', '');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Sektor' }), 'Pårørende');
    await addByEmail(user, 'Lise Holm', 'lise.holm@post.example');
    await user.click(screen.getByRole('checkbox', { name: `Valgfri deltagelse: ${people.aisha.name}` }));

    await user.click(screen.getByRole('button', { name: 'Registrér samtykke' }));
    await write(user, screen.getByRole('textbox', { name: /^Hvilke oplysninger må deles/ }), 'Helbred og bolig');
    await user.click(screen.getByRole('checkbox', { name: people.jonas.organisation }));
    await user.click(screen.getByRole('checkbox', { name: 'Lise Holm (person)' }));
    await write(user, screen.getByRole('textbox', { name: /^Formål/ }), 'At koordinere indsatsen');
    await user.click(screen.getByRole('radio', { name: 'Mundtligt' }));
    setValue('Gælder til', '2027-11-27');
    await user.click(screen.getByRole('button', { name: 'Book mødet' }));

    await screen.findByRole('heading', { name: 'Mødet er booket' });
    expect(screen.getByText(/^Jens Holm, Lise Holm får ikke kalenderinvitationen/)).toBeVisible();
    expect(screen.queryByText(/Samtykke mangler/)).toBeNull();
    const event = world.calendar.created[0]?.draft;
    expect(event?.attendees.map((a) => `${a.email}:${a.required}`)).toEqual([
      `${people.mette.email}:true`,
      `${people.jonas.email}:true`,
      `${people.aisha.email}:false`,
      'ole.bak@laegehuset-sundby.example:true',
    ]);
    expect(JSON.stringify(event)).not.toMatch(/Jens|Holm|Lise/);

    const listed = await world.store.list();
    const plan = world.store.current(listed.ok ? (listed.value.plans[0]?.plan.id ?? '') : '').plan;
    const lise = plan.participants.find((x) => x.name === 'Lise Holm');
    expect(plan.participants.find((x) => x.name === 'Jens Holm')).toMatchObject({ sector: 'borger', email: null });
    expect(lise?.sector).toBe('paaroerende');
    expect(plan.consent).toEqual({
      information: 'Helbred og bolig',
      recipients: [
        { kind: 'organisation', organisation: people.jonas.organisation },
        { kind: 'participant', participantId: lise?.id },
      ],
      purpose: 'At koordinere indsatsen',
      form: 'mundtligt',
      givenOn: '2026-11-27',
      validUntil: '2027-11-27',
      withdrawnOn: null,
    });
    expect(plan.meetings[0]?.invitees.find((i) => i.participantId === lise?.id)?.required).toBe(true);
  });
});

describe('people from the address book', { timeout: 60_000 }, () => {
  it('come with the sector their department points to, which the koordinator can still change', async () => {
    const { user } = await startNewPlan();
    await addFromDirectory(user, 'jonas', people.jonas.name);
    const sector = screen.getByRole('combobox', { name: `Sektor: ${people.jonas.name}` }) as HTMLSelectElement;
    expect(sector.value).toBe('socialpsykiatri');
    await user.selectOptions(sector, 'andet');
    expect(sector.value).toBe('andet');
  });
});

describe('the address book refusing a search', { timeout: 60_000 }, () => {
  it('says which permission is missing on a 403, and that the person can be added by e-mail meanwhile', async () => {
    const world = aPlansWorld({ as: 'mette', plans: [] });
    world.directory.failNext(failure('forbidden', 'Authorization_RequestDenied', 'Insufficient privileges', 403));
    const { user } = await startNewPlan(world);
    const search = screen.getByRole('search', { name: 'Søg i adressebogen' });
    await write(user, within(search).getByRole('searchbox', { name: 'Søg i adressebogen' }), 'jonas');
    expect(
      await within(search).findByText(
        'Tovholder har ikke tilladelse til at søge i jeres adressebog (Authorization_RequestDenied). Bed jeres IT-afdeling om tilladelsen, og tilføj indtil da personen med e-mail nedenfor.',
      ),
    ).toBeVisible();
  });

  it('asks to wait a minute on a 429', async () => {
    const world = aPlansWorld({ as: 'mette', plans: [] });
    world.directory.failNext(failure('throttled', 'TooManyRequests', 'Too many requests', 429, 60000));
    const { user } = await startNewPlan(world);
    const search = screen.getByRole('search', { name: 'Søg i adressebogen' });
    await write(user, within(search).getByRole('searchbox', { name: 'Søg i adressebogen' }), 'jonas');
    expect(
      await within(search).findByText(
        'Microsoft 365 har travlt lige nu. Vent et minut, og søg igen, eller tilføj personen med e-mail nedenfor.',
      ),
    ).toBeVisible();
  });
});

describe('bad input while booking', { timeout: 60_000 }, () => {
  it('refuses an invalid e-mail address beside the field and keeps what was typed', async () => {
    const { user } = await startNewPlan();
    const form = await addByEmail(user, 'Ole Bak', 'ole.bak(at)laegehuset');
    const email = within(form).getByRole('textbox', { name: 'E-mail' }) as HTMLInputElement;
    expect(email.value).toBe('ole.bak(at)laegehuset');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    const message = screen.getByText(/"ole\.bak\(at\)laegehuset" er ikke en gyldig e-mailadresse/);
    expect(email.getAttribute('aria-describedby')).toContain(message.id);
    expect(within(screen.getByRole('list', { name: 'Inviterede (1)' })).queryByText('Ole Bak')).toBeNull();
  });

  it('does not add the same person twice', async () => {
    const { user } = await startNewPlan();
    await addByEmail(user, 'Ole Bak', 'ole.bak@laegehuset-sundby.example');
    await addByEmail(user, 'Ole B.', 'OLE.BAK@laegehuset-sundby.example');
    expect(screen.getByText('Ole Bak er allerede deltager. Den samme person kan kun være med én gang.')).toBeVisible();
    expect(within(screen.getByRole('list', { name: 'Inviterede (2)' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('says the meeting needs a koordinator, a start in the future and an end after the start', async () => {
    const { user, world } = await startNewPlan();
    await write(user, field('Sagsreference'), 'KI-2026-032');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Koordinator' }), '');
    setValue('Dato', '2026-11-20');
    setValue('Start', '13:00');
    setValue('Slut', '12:00');
    await user.click(screen.getByRole('button', { name: 'Book mødet' }));

    const summary = await screen.findByRole('group', { name: 'Ret dette, før mødet kan bookes:' });
    expect(
      within(summary).getByText('Mødet har ingen koordinator. Vælg den deltager, der indkalder og følger op.'),
    ).toBeVisible();
    expect(
      within(summary).getByText(/Starttidspunktet \(fredag 20\. november 2026 kl\. 13\.00\) er allerede passeret/),
    ).toBeVisible();
    expect(within(summary).getByText(/Mødet slutter før det begynder/)).toBeVisible();
    expect(dateOrTime('Slut').getAttribute('aria-invalid')).toBe('true');
    expect(world.calendar.createCalls).toHaveLength(0);
  });

  it('warns calmly when the mødeleder is also the referent', async () => {
    const { user } = await startNewPlan();
    await addFromDirectory(user, 'jonas', people.jonas.name);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Mødeleder' }), people.jonas.name);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Referent' }), people.jonas.name);
    expect(screen.getByText(/Samme person er både mødeleder og referent/)).toBeVisible();
  });

  it('says beside the case reference why it may not hold the name, and beside the name that it stays in the plan', async () => {
    await startNewPlan();
    const describedBy = (input: HTMLElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    expect(describedBy(field('Sagsreference'))).toContain(
      'Fx initialer og et nummer: KI-2026-014. Sagsreferencen står i kalenderinvitationen, som mange kan se (stedfortrædere, videresendte invitationer). Skriv derfor aldrig navn eller CPR-nummer her.',
    );
    expect(describedBy(field('Borgerens navn'))).toContain(
      'Gemmes kun i planen. Navnet kommer aldrig i kalenderen, mødechatten eller e-mails.',
    );
  });

  it('warns while typing a CPR number in the case reference', async () => {
    const { user } = await startNewPlan();
    await user.type(field('Sagsreference'), 'Jens 010190-1234');
    const warning = await screen.findByText(/Sagsreferencen indeholder et CPR-nummer/);
    expect(field('Sagsreference').getAttribute('aria-describedby')).toContain(
      warning.closest('[role="status"]')?.id ?? 'missing',
    );
  });
});

describe('Graph failures while booking', { timeout: 60_000 }, () => {
  it('retries after a 429 with the same transactionId, so only one meeting is created', async () => {
    const world = aPlansWorld({ as: 'mette', plans: [] });
    world.calendar.failNext('create', failure('throttled', 'TooManyRequests', 'Too many requests', 429, 30000));
    const { user } = await startNewPlan(world);
    await fillInABooking(user);
    await user.click(screen.getByRole('button', { name: 'Book mødet' }));

    expect(await screen.findByText(/Microsoft 365 har travlt lige nu og bad os vente/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Prøv igen' }));

    await screen.findByRole('heading', { name: 'Mødet er booket' });
    const [first, second] = world.calendar.createCalls;
    expect(second?.transactionId).toBe(first?.transactionId);
    expect(world.calendar.created).toHaveLength(1);
  });

  it('says which permission is missing on a 403', async () => {
    const world = aPlansWorld({ as: 'mette', plans: [] });
    world.calendar.failNext('create', failure('forbidden', 'ErrorAccessDenied', 'Access is denied', 403));
    const { user } = await startNewPlan(world);
    await fillInABooking(user);
    await user.click(screen.getByRole('button', { name: 'Book mødet' }));
    expect(
      await screen.findByText(
        'Tovholder har ikke tilladelse til at oprette møder i kalenderen i jeres Microsoft 365. Bed jeres IT-afdeling om at give appen tilladelsen (ErrorAccessDenied). Din kladde er gemt.',
      ),
    ).toBeVisible();
    expect(field('Sagsreference').value).toBe('KI-2026-031');
  });

  it('says Microsoft had an error on a 5xx, and books once on "Prøv igen"', async () => {
    const world = aPlansWorld({ as: 'mette', plans: [] });
    world.calendar.failNext('create', failure('failed', 'ServiceUnavailable', 'Service unavailable', 503));
    const { user } = await startNewPlan(world);
    await fillInABooking(user);
    await user.click(screen.getByRole('button', { name: 'Book mødet' }));
    expect(
      await screen.findByText(
        'Microsoft 365 svarede ikke i tide, eller der skete en fejl hos Microsoft. Tryk "Prøv igen" om lidt. Der bliver ikke oprettet to møder.',
      ),
    ).toBeVisible();
    expect(screen.getByText('Mødet er ikke booket endnu')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
    await screen.findByRole('heading', { name: 'Mødet er booket' });
    expect(world.calendar.created).toHaveLength(1);
  });

  it('does not create the meeting again when only saving the plan failed', async () => {
    const world = aPlansWorld({ as: 'mette', plans: [] });
    world.store.failNext(failure('failed', 'Timeout', 'The request timed out'));
    const { user } = await startNewPlan(world);
    await fillInABooking(user);
    await user.click(screen.getByRole('button', { name: 'Book mødet' }));
    expect(await screen.findByText('Mødet er oprettet, men planen er ikke gemt')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
    await screen.findByRole('heading', { name: 'Mødet er booket' });
    expect(world.calendar.createCalls).toHaveLength(1);
    expect(world.meetingChat.pinned).toHaveLength(1);
  });
});

describe('the draft', { timeout: 60_000 }, () => {
  it('comes back after a reload with everything typed, and the same transactionId', async () => {
    const world = aPlansWorld({ as: 'mette', plans: [] });
    world.calendar.failNext('create', failure('failed', 'Timeout', 'The request timed out'));
    const { user, view } = await startNewPlan(world);
    await fillInABooking(user);
    const form = screen.getByRole('group', { name: 'Tilføj en person uden for adressebogen' });
    await write(user, within(form).getByRole('textbox', { name: 'Navn' }), 'Lise Ho');
    await user.click(screen.getByRole('button', { name: 'Book mødet' }));
    await screen.findByText(/Microsoft 365 svarede ikke i tide/);

    view.unmount();
    renderPlansTab(world);

    expect(await screen.findByText('Din kladde er hentet frem igen. Du kan fortsætte, hvor du slap.')).toBeVisible();
    expect(field('Sagsreference').value).toBe('KI-2026-031');
    expect(field('Borgerens navn').value).toBe('Jens Holm');
    expect(within(screen.getByRole('list', { name: 'Inviterede (4)' })).getByText('Ole Bak')).toBeVisible();
    expect(dateOrTime('Dato').value).toBe('2026-12-03');
    const restoredForm = screen.getByRole('group', { name: 'Tilføj en person uden for adressebogen' });
    expect((within(restoredForm).getByRole('textbox', { name: 'Navn' }) as HTMLInputElement).value).toBe('Lise Ho');

    await aUser().click(screen.getByRole('button', { name: 'Book mødet' }));
    await screen.findByRole('heading', { name: 'Mødet er booket' });
    const [first, second] = world.calendar.createCalls;
    expect(second?.transactionId).toBe(first?.transactionId);
  });

  it('keeps a participant whose name is too long after a reload, and says in Danish what to shorten', async () => {
    const { user, world, view } = await startNewPlan();
    await write(user, field('Sagsreference'), 'KI-2026-033');
    const longName = `Ole Bak ${'x'.repeat(242)}`;
    await addByEmail(user, longName, 'ole.bak@laegehuset-sundby.example');

    view.unmount();
    renderPlansTab(world);

    expect(await screen.findByText('Din kladde er hentet frem igen. Du kan fortsætte, hvor du slap.')).toBeVisible();
    expect(field('Sagsreference').value).toBe('KI-2026-033');
    const invited = within(screen.getByRole('list', { name: 'Inviterede (2)' }));
    expect(invited.getByText(longName)).toBeVisible();
    await aUser().click(screen.getByRole('button', { name: 'Book mødet' }));
    expect(
      invited.getByText(
        'Navnet er 250 tegn langt; det må højst være 200. Forkort navnet, eller fjern personen og tilføj den igen.',
      ),
    ).toBeVisible();
    expect(world.calendar.createCalls).toHaveLength(0);
  });
  it('keeps an over-long organisation, also ticked in the consent, after a reload, and says how to shorten it', async () => {
    const { user, world, view } = await startNewPlan();
    await write(user, field('Sagsreference'), 'KI-2026-034');
    const longOrganisation = `Lægehuset Sundby ${'x'.repeat(233)}`;
    const form = screen.getByRole('group', { name: 'Tilføj en person uden for adressebogen' });
    await write(user, within(form).getByRole('textbox', { name: 'Organisation' }), longOrganisation);
    await addByEmail(user, 'Ole Bak', 'ole.bak@laegehuset-sundby.example');
    await user.click(screen.getByRole('button', { name: 'Registrér samtykke' }));
    await user.click(screen.getByRole('checkbox', { name: longOrganisation }));

    view.unmount();
    renderPlansTab(world);

    expect(await screen.findByText('Din kladde er hentet frem igen. Du kan fortsætte, hvor du slap.')).toBeVisible();
    expect(field('Sagsreference').value).toBe('KI-2026-034');
    const invited = within(screen.getByRole('list', { name: 'Inviterede (2)' }));
    expect(invited.getByText(`${longOrganisation} · ole.bak@laegehuset-sundby.example`)).toBeVisible();
    expect((screen.getByRole('checkbox', { name: longOrganisation }) as HTMLInputElement).checked).toBe(true);

    await aUser().click(screen.getByRole('button', { name: 'Book mødet' }));
    expect(
      invited.getByText(
        'Organisationen for Ole Bak er 250 tegn lang; den må højst være 200. Forkort den: fjern personen, og tilføj den igen med et kortere navn på organisationen.',
      ),
    ).toBeVisible();
    expect(
      within(screen.getByRole('group', { name: 'Hvem må få oplysningerne' })).getByText(
        'Samtykket omfatter organisationen "Lægehuset Sundby xxxxxxxxxxxxx …", hvis navn er 250 tegn langt; det må højst være 200. Fjern fluebenet ved den under "Hvem må få oplysningerne", forkort organisationens navn hos deltageren, og sæt fluebenet ved det korte navn.',
      ),
    ).toBeVisible();
    expect(world.calendar.createCalls).toHaveLength(0);
  });
  it('keeps everything that still reads when one part of the stored draft does not, instead of an empty form', async () => {
    const { user, world, view } = await startNewPlan();
    await fillInABooking(user);
    view.unmount();
    // One field the form can no longer read (as after an update that changed it), and one participant likewise.
    const key = 'tovholder:draft:booking:new';
    const stored = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, unknown> & {
      participants: Record<string, unknown>[];
    };
    stored.lengthMinutes = 9999;
    stored.participants[1] = { ...stored.participants[1], sector: 'ukendt' };
    sessionStorage.setItem(key, JSON.stringify(stored));
    renderPlansTab(world);

    expect(
      await screen.findByText(
        'Din kladde er hentet frem igen, men dette kunne ikke læses og er sat tilbage: deltagerne (en eller flere mangler), mødets længde. Tjek det, og udfyld det igen, før du booker.',
      ),
    ).toBeVisible();
    expect(field('Sagsreference').value).toBe('KI-2026-031');
    expect(field('Borgerens navn').value).toBe('Jens Holm');
    expect(dateOrTime('Dato').value).toBe('2026-12-03');
    const invited = within(screen.getByRole('list', { name: 'Inviterede (3)' }));
    expect(invited.getByText(people.aisha.name)).toBeVisible();
    expect(invited.getByText('Ole Bak')).toBeVisible();
  });
});
