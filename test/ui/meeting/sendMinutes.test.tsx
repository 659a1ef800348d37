import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { MEETING_CHAT_KEY } from '../../../src/domain/delivery/deliveryPlan';
import type { RecipientDelivery } from '../../../src/domain/plan/planDocument';
import type { ChatMessageToPost, DraftToSend, ItemSettled } from '../../../src/domain/ports/minutesTransport';
import type { Outcome } from '../../../src/domain/ports/outcome';
import type { Cleared } from '../../../src/domain/privacy/cleared';
import { readMailProtection } from '../../../src/domain/policy/mailProtection';
import { copenhagenInstant } from '../../../src/domain/time/danishTime';
import { FakeMinutesTransport } from '../../support/fakes/FakeMinutesTransport';
import { aMeetingWorld, people, PLAN_ID, renderMeeting, todaysPlan, type MeetingWorld } from './meetingHarness';

beforeEach(() => sessionStorage.clear());

const MEETING_CHAT = '19:meeting_ki2027003@thread.v2';

/** Minutes with nothing to fix: an effort with owner and date, the next tovholder and date. */
const readyPlan = () =>
  todaysPlan((plan) => {
    const meeting = plan.meetings[0]!;
    meeting.chatId = MEETING_CHAT;
    meeting.minutes.goals = [{ id: 'g-bolig', text: 'Borgeren beholder sin lejlighed' }];
    meeting.minutes.efforts = [
      {
        id: 'e-1',
        what: 'Søge enkeltydelse',
        goalId: 'g-bolig',
        ownerId: people.peter.id,
        due: '2027-04-01',
        status: 'aaben',
      },
    ];
    meeting.minutes.nextTovholderId = people.peter.id;
    meeting.minutes.nextMeetingBy = '2027-06-04';
  });

/**
 * The Send view for a ready plan whose minutes are confirmed with the citizen, Aisha sending; Peter's Teams chat
 * refuses the first post. `row(name)` is that recipient's line in "Hvem får referatet hvordan".
 */
const openSendViewWithPeterRefused = async () => {
  const user = userEvent.setup();
  const transport = new FakeMinutesTransport().withChat(MEETING_CHAT).fail('postMessages', people.peter.id, 'refused');
  const world = aMeetingWorld({ plan: readyPlan() });
  world.services.transport = transport;
  renderMeeting(world);

  await user.click(await screen.findByRole('tab', { name: 'Opsummering' }));
  // The fælles opsummering and the sending load on demand.
  expect((await screen.findByRole('button', { name: 'Send referat' })).getAttribute('aria-disabled')).toBe('true');
  await user.click(screen.getByRole('button', { name: 'Bekræftet med borgeren' }));
  await user.click(screen.getByRole('button', { name: 'Send referat' }));

  const planList = (await screen.findByText('Hvem får referatet hvordan')).nextElementSibling as HTMLElement;
  const row = (name: string) => within(planList).getByText(name).closest('li') as HTMLElement;
  return { user, transport, world, row };
};

/** The same, sent once: Peter's post failed, everyone else has the minutes. */
const sendWithPeterRefused = async () => {
  const sendView = await openSendViewWithPeterRefused();
  await sendView.user.click(screen.getByRole('button', { name: 'Send referatet nu' }));
  expect(await screen.findByText(/Referatet er sendt til \d af \d\. Prøv igen/)).toBeVisible();
  return sendView;
};

describe('sending the minutes after the fælles opsummering', () => {
  it('shows who gets them how, and tells the sender why nothing comes to them', async () => {
    const { row } = await openSendViewWithPeterRefused();
    expect(within(row('Peter Nielsen')).getByText('Teams-chat')).toBeVisible();
    // Outside Teams, under the default mail policy (none): only the notice of new minutes.
    expect(within(row('Ole Bak')).getByText('Kun besked om nyt referat')).toBeVisible();
    expect(within(row('Mødechatten')).getByText('Mødechat')).toBeVisible();
    // The sender has the plan already, and is told why nothing comes to them.
    expect(within(row('Aisha Khan')).getByText('Intet')).toBeVisible();
    expect(within(row('Aisha Khan')).getByText(/du får ingen kopi/)).toBeVisible();
  });

  it('previews the e-mail, and the card as Teams renders it in the theme chosen, for the recipient chosen', async () => {
    const { user } = await openSendViewWithPeterRefused();
    // What each recipient will get: the e-mail for those outside Teams, the card as Teams renders it for the others.
    expect(screen.getByTitle('E-mailen til Jens Holm')).toBeVisible();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Forhåndsvis for' }), 'Peter Nielsen – Teams-chat');
    const card = await screen.findByRole('figure', { name: 'Forhåndsvisning af referatkortet til Peter Nielsen' });
    // The card is drawn by the Adaptive Cards renderer, which comes on demand: wait for it as the user does.
    expect((await within(card).findAllByText(/Søge enkeltydelse/, {}, { timeout: 10_000 })).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('radio', { name: 'Mørkt tema' }));
    expect(screen.getByRole('figure').getAttribute('data-theme')).toBe('dark');
  });

  it('sends, and shows who it failed for', async () => {
    const { transport, row } = await sendWithPeterRefused();
    expect(within(row('Peter Nielsen')).getByText('Fejlede')).toBeVisible();
    expect(transport.mailsTo(people.ole.email!)).toHaveLength(1);
    expect(transport.messagesFor(people.peter.id)).toHaveLength(0);
  });

  it('tries again for the one that failed only, records it as sent, and offers no second send', async () => {
    const { user, transport, world } = await sendWithPeterRefused();
    await user.click(screen.getByRole('button', { name: 'Prøv igen for dem, der fejlede' }));
    expect(await screen.findByText('Referatet er sendt til alle.')).toBeVisible();
    expect(transport.messagesFor(people.peter.id)).toHaveLength(1);
    // Everyone has it: no second send is offered.
    expect(screen.queryByRole('button', { name: /Send referatet nu|Prøv igen/ })).toBeNull();
    // Nobody got it twice.
    expect(transport.mailsTo(people.ole.email!)).toHaveLength(1);
    await waitFor(() =>
      expect(
        world.store
          .current(PLAN_ID)
          .plan.meetings[0]!.delivery?.recipients.find((r) => r.participantId === people.peter.id)?.status,
      ).toBe('sent'),
    );
  });
});

describe('what the list promises', () => {
  it('under the full policy, shows the meeting chat getting nothing when the minutes name the citizen, as the send skips it', async () => {
    const transport = new FakeMinutesTransport().withChat(MEETING_CHAT);
    const plan = readyPlan();
    plan.meetings[0]!.minutes.goals = [{ id: 'g-bolig', text: 'Jens beholder sin lejlighed' }];
    const world = aMeetingWorld({ plan });
    world.services.transport = transport;
    world.services.policy = { ...world.services.policy, cardDetail: 'full' };
    const { user, row } = await openSend(world, { confirm: true });

    expect(within(row('Mødechatten')).getByText('Intet')).toBeVisible();
    expect(within(row('Mødechatten')).getByText(/Mødechatten får kun et kort uden navne/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Send referatet nu' }));
    expect(await screen.findByText('Referatet er sendt til alle.')).toBeVisible();
    expect(transport.messagesFor(MEETING_CHAT)).toHaveLength(0);
    expect(transport.messagesFor(people.peter.id)).toHaveLength(1);
  });
});

describe('what people outside Teams get, on their line before sending', () => {
  const withMail = (mode: string, partnerDomains = '') => {
    const world = aMeetingWorld({ plan: readyPlan() });
    world.services.transport = new FakeMinutesTransport().withChat(MEETING_CHAT);
    world.services.policy = { ...world.services.policy, mailProtection: readMailProtection({ mode, partnerDomains }) };
    return world;
  };

  it('under Purview: the GP gets an encrypted e-mail, the citizen only the notice — the plan goes by Digital Post', async () => {
    const world = withMail('purview');
    const { row, user } = await openSend(world, { confirm: true });
    expect(within(row('Ole Bak')).getByText('Krypteret e-mail')).toBeVisible();
    expect(
      within(row('Jens Holm')).getByText('Kun besked om nyt referat — planen sendes med Digital Post'),
    ).toBeVisible();
    expect(within(row('Jens Holm')).getByText(/»Din plan«/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Send referatet nu' }));
    expect(await screen.findByText('Referatet er sendt til alle.')).toBeVisible();
    const transport = world.services.transport as FakeMinutesTransport;
    expect(transport.mailsTo(people.ole.email!).map((m) => m.mark)).toEqual(['purview']);
    expect(transport.mailsTo(people.jens.email!).map((m) => m.mark)).toEqual(['notice']);
  });

  it('under enforced TLS: a GP whose domain is not on the list is told so, and gets only the notice', async () => {
    const { row } = await openSend(withMail('tls', 'regionms.example'), { confirm: true });
    expect(within(row('Ole Bak')).getByText('Kun besked om nyt referat')).toBeVisible();
    expect(
      within(row('Ole Bak')).getByText(
        /laegehuset-sundby\.example er ikke på listen over partnerdomæner med tvungen TLS/,
      ),
    ).toBeVisible();
  });

  it('under enforced TLS: a GP whose domain is on the list gets the minutes over TLS', async () => {
    const { row } = await openSend(withMail('tls', 'laegehuset-sundby.example'), { confirm: true });
    expect(within(row('Ole Bak')).getByText('E-mail over tvungen TLS')).toBeVisible();
  });

  it('says plainly when the mail setting has a typo, and sends the GP only the notice', async () => {
    const { region, row } = await openSend(withMail('purveiw'), { confirm: true });
    expect(
      within(region).getByText(
        'Jeres e-mailbeskyttelse er ikke sat rigtigt op. Indtil jeres it-administrator har rettet det, sendes planen ikke på e-mail, hvor opsætningen er forkert:',
      ),
    ).toBeVisible();
    expect(
      within(region).getByText(/TOVHOLDER_MAIL_PROTECTION er »purveiw«, som ikke er en kendt værdi/),
    ).toBeVisible();
    expect(within(row('Ole Bak')).getByText('Kun besked om nyt referat')).toBeVisible();
    expect(within(row('Ole Bak')).getByText(/e-mailbeskyttelse er ikke sat rigtigt op \(se ovenfor\)/)).toBeVisible();
  });
});

const at = (time: string) => copenhagenInstant('2027-03-04', time).toISOString();

/** A receipt in the plan's delivery record, as an earlier send (in another tab, before a reload) left it. */
const receipt = (
  participantId: string,
  channel: RecipientDelivery['channel'],
  status: RecipientDelivery['status'],
  over: Partial<RecipientDelivery> = {},
): RecipientDelivery => ({
  participantId,
  channel,
  status,
  chatId: null,
  messageId: status === 'sent' && channel !== 'email' ? `msg-${participantId}` : null,
  error: status === 'failed' ? 'Forbidden: Missing permission' : null,
  at: at('13:05'),
  ...over,
});

const METTE_CHAT = `chat-with-${people.mette.userId}`;

/** The summary confirmed at 13.10 and a delivery record from 13.05 with these statuses. */
const sentBefore = (
  statuses: Partial<Record<'jens' | 'mette' | 'jonas' | 'peter' | 'ole', RecipientDelivery['status']>>,
  meetingChat: RecipientDelivery['status'] = 'sent',
) =>
  todaysPlan((plan) => {
    const ready = readyPlan();
    const meeting = plan.meetings[0]!;
    Object.assign(meeting, ready.meetings[0]!);
    meeting.summaryConfirmedAt = at('13:10');
    const channelOf = { jens: 'email', mette: 'chat', jonas: 'chat', peter: 'chat', ole: 'email' } as const;
    meeting.delivery = {
      deliveryId: 'tovholder-earlier',
      startedAt: at('13:05'),
      sentMinutes: meeting.minutes,
      recipients: [
        ...(Object.keys(channelOf) as (keyof typeof channelOf)[]).map((who) =>
          receipt(
            people[who].id,
            channelOf[who],
            statuses[who] ?? 'sent',
            who === 'mette' ? { chatId: METTE_CHAT } : {},
          ),
        ),
        receipt(MEETING_CHAT_KEY, 'meetingChat', meetingChat, { chatId: MEETING_CHAT }),
      ],
    };
  });

/** The summary tab, "Bekræftet med borgeren" when the plan does not have it yet, then "Send referat". */
const openSend = async (world: MeetingWorld, { confirm = false } = {}) => {
  const user = userEvent.setup();
  renderMeeting(world);
  await user.click(await screen.findByRole('tab', { name: 'Opsummering' }));
  if (confirm) await user.click(await screen.findByRole('button', { name: 'Bekræftet med borgeren' }));
  await user.click(await screen.findByRole('button', { name: 'Send referat' }));
  const region = await screen.findByRole('region', { name: 'Send referat' });
  const row = (name: string) =>
    within(region)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.startsWith(name)) as HTMLElement;
  /** The polite status with the count ("3 af 6 har fået referatet"). */
  const count = () =>
    within(region)
      .getAllByRole('status')
      .find((s) => s.textContent?.includes('har fået referatet'))?.textContent;
  return { user, region, row, count };
};

describe('sending the minutes again after a reload, from the receipts in the plan', () => {
  it('offers Prøv igen to the one that failed and the one whose fate is unknown, and sends only to the one pressed', async () => {
    const transport = new FakeMinutesTransport().withChat(MEETING_CHAT).withChat(METTE_CHAT);
    const world = aMeetingWorld({ plan: sentBefore({ peter: 'failed', mette: 'unknown' }) });
    world.services.transport = transport;
    const { user, row } = await openSend(world);

    expect(within(row('Peter Nielsen')).getByText('Fejlede')).toBeVisible();
    expect(within(row('Mette Larsen')).getByText('Ukendt – vi tjekker før vi sender igen')).toBeVisible();
    expect(within(row('Jonas Berg')).getByText('Sendt kl. 13.05')).toBeVisible();
    // Those who have it offer nothing; each of the others has their own button, and one covers them all.
    expect(within(row('Jonas Berg')).queryByRole('button')).toBeNull();
    expect(within(row('Peter Nielsen')).getByRole('button', { name: 'Prøv igen: Peter Nielsen' })).toBeEnabled();
    expect(within(row('Mette Larsen')).getByRole('button', { name: 'Prøv igen: Mette Larsen' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Prøv igen for alle, der mangler' })).toBeEnabled();
    // Nobody who has the minutes is offered a first send.
    expect(screen.queryByRole('button', { name: 'Send referatet nu' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Prøv igen: Peter Nielsen' }));
    await waitFor(() => expect(within(row('Peter Nielsen')).getByText('Sendt kl. 13.20')).toBeVisible());
    expect(transport.messagesFor(people.peter.id)).toHaveLength(1);
    // Only Peter was sent to: Mette's fate is still to be found, and those who had it got nothing new.
    expect(transport.messagesFor(METTE_CHAT)).toHaveLength(0);
    expect(transport.messagesFor(people.jonas.id)).toHaveLength(0);
    expect(transport.mailsTo(people.jens.email!)).toHaveLength(0);
    expect(within(row('Mette Larsen')).getByRole('button', { name: 'Prøv igen: Mette Larsen' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Prøv igen for alle, der mangler' }));
    expect(await screen.findByText('Referatet er sendt til alle.')).toBeVisible();
    expect(transport.messagesFor(METTE_CHAT)).toHaveLength(1);
    expect(transport.messagesFor(people.peter.id)).toHaveLength(1);
  });

  it('when everyone covered has the minutes, says so with the time and offers no second send', async () => {
    const world = aMeetingWorld({ plan: sentBefore({}) });
    world.services.transport = new FakeMinutesTransport().withChat(MEETING_CHAT);
    const { region, row } = await openSend(world);

    expect(within(region).getByText('Referatet er sendt til alle.')).toBeVisible();
    expect(within(region).getByText('6 modtagere · 4. marts kl. 13.05')).toBeVisible();
    within(region).getByRole('heading', { name: 'Kvitteringer' });
    // Opened when it is all done, the summary is read first, then the receipts.
    const receipts = within(region).getByRole('list', { name: 'Kvitteringer' });
    const summary = within(region).getByText('Referatet er sendt til alle.');
    expect(summary.compareDocumentPosition(receipts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    for (const name of ['Jens Holm', 'Peter Nielsen', 'Ole Bak', 'Mødechatten'])
      expect(within(row(name)).getByText('Sendt kl. 13.05')).toBeVisible();
    expect(within(region).queryByRole('button', { name: /Send referatet nu|Prøv igen/ })).toBeNull();
    expect(within(region).queryByRole('progressbar')).toBeNull();
  });
});

describe('throttling', () => {
  it('keeps Prøv igen disabled, saying for how long, until Teams allows more', async () => {
    const transport = new FakeMinutesTransport()
      .withChat(MEETING_CHAT)
      .fail('postMessages', people.peter.id, 'throttled');
    const world = aMeetingWorld({ plan: sentBefore({ peter: 'failed' }) });
    world.services.transport = transport;
    const { user, row } = await openSend(world);

    await user.click(screen.getByRole('button', { name: 'Prøv igen: Peter Nielsen' }));
    // Teams asked for two seconds' rest (Retry-After).
    const wait = await within(row('Peter Nielsen')).findByRole('button', {
      name: 'Prøv igen om 2 sek.: Peter Nielsen',
    });
    expect(wait.getAttribute('aria-disabled')).toBe('true');
    const all = screen.getByRole('button', { name: 'Prøv igen for dem, der fejlede om 2 sek.' });
    expect(all.getAttribute('aria-disabled')).toBe('true');
    await user.click(wait);
    await user.click(all);
    expect(transport.messagesFor(people.peter.id)).toHaveLength(0);

    world.clock.set(new Date(world.clock.now().getTime() + 2500));
    const ready = await within(row('Peter Nielsen')).findByRole('button', { name: 'Prøv igen: Peter Nielsen' });
    expect(ready.getAttribute('aria-disabled')).toBeNull();
    await user.click(ready);
    expect(await screen.findByText('Referatet er sendt til alle.')).toBeVisible();
    expect(transport.messagesFor(people.peter.id)).toHaveLength(1);
  });
});

describe('what a screen reader meets', () => {
  it('a list named by its heading, a polite status with the count, a named progress bar, and no axe violations', async () => {
    const world = aMeetingWorld({ plan: sentBefore({ peter: 'failed', mette: 'unknown' }) });
    world.services.transport = new FakeMinutesTransport().withChat(MEETING_CHAT).withChat(METTE_CHAT);
    const { region } = await openSend(world);

    within(region).getByRole('list', { name: 'Hvem får referatet hvordan' });
    const status = within(region)
      .getAllByRole('status')
      .find((s) => s.textContent?.includes('har fået referatet'));
    expect(status?.textContent).toBe('4 af 6 har fået referatet');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    const bar = within(region).getByRole('progressbar', { name: 'Hvor mange har fået referatet' });
    expect([bar.getAttribute('aria-valuenow'), bar.getAttribute('aria-valuemax')]).toEqual(['4', '6']);

    // Contrast needs layout (the e2e checks it in Chromium); the e-mail preview's frame is its own document.
    const results = await axe.run(region, { iframes: false, rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

/** The fake transport, but each message's answer comes only when the test lets it (as a slow Graph batch does). */
class HeldTransport extends FakeMinutesTransport {
  private readonly gates = new Map<string, { opened: Promise<void>; open(): void }>();

  private gate(key: string) {
    let gate = this.gates.get(key);
    if (!gate) {
      let open = () => {};
      const opened = new Promise<void>((resolve) => (open = resolve));
      gate = { opened, open };
      this.gates.set(key, gate);
    }
    return gate;
  }

  answer(key: string) {
    this.gate(key).open();
  }

  answerAll() {
    for (const gate of this.gates.values()) gate.open();
  }

  override async send(
    request: { messages: Cleared<ChatMessageToPost>[]; drafts: DraftToSend[] },
    onItem?: ItemSettled,
  ): Promise<Map<string, Outcome<string>>> {
    const one = [
      ...request.messages.map((m) => ({ key: m.key, request: { messages: [m], drafts: [] } })),
      ...request.drafts.map((d) => ({ key: d.key, request: { messages: [], drafts: [d] } })),
    ];
    const answers = await Promise.all(
      one.map(async (item) => {
        await this.gate(item.key).opened;
        return super.send(item.request, onItem);
      }),
    );
    return new Map(answers.flatMap((answer) => [...answer]));
  }
}

describe('while the minutes go out', () => {
  it("shows each recipient's status and the count as the answers come, before the send is over", async () => {
    const transport = new HeldTransport().withChat(MEETING_CHAT);
    const world = aMeetingWorld({ plan: readyPlan() });
    world.services.transport = transport;
    try {
      const { user, row, count } = await openSend(world, { confirm: true });
      expect(within(row('Peter Nielsen')).getByText('Ikke sendt endnu')).toBeVisible();
      await user.click(screen.getByRole('button', { name: 'Send referatet nu' }));

      // Everything is on its way, nothing answered yet.
      await waitFor(() => expect(within(row('Peter Nielsen')).getByText('Sender …')).toBeVisible());
      expect(within(row('Ole Bak')).getByText('Sender …')).toBeVisible();
      expect(count()).toContain('0 af 6 har fået referatet');
      expect(screen.getByRole('button', { name: 'Send referatet nu' }).getAttribute('aria-disabled')).toBe('true');

      // Peter's answer comes; the others are still on their way.
      transport.answer(people.peter.id);
      await waitFor(() => expect(within(row('Peter Nielsen')).getByText('Sendt kl. 13.20')).toBeVisible());
      expect(count()).toContain('1 af 6 har fået referatet');
      expect(within(row('Ole Bak')).getByText('Sender …')).toBeVisible();
      expect(
        screen.getByRole('progressbar', { name: 'Hvor mange har fået referatet' }).getAttribute('aria-valuenow'),
      ).toBe('1');
      expect(screen.queryByText('Referatet er sendt til alle.')).toBeNull();

      transport.answerAll();
      expect(await screen.findByText('Referatet er sendt til alle.')).toBeVisible();
      expect(within(row('Ole Bak')).getByText('Sendt kl. 13.20')).toBeVisible();
      expect(screen.queryByRole('button', { name: 'Send referatet nu' })).toBeNull();
    } finally {
      transport.answerAll();
    }
  });
});

describe('the version the send starts from', () => {
  it('is the one the panel holds: the plan is not read again before sending', async () => {
    const transport = new FakeMinutesTransport().withChat(MEETING_CHAT);
    const world = aMeetingWorld({ plan: readyPlan() });
    world.services.transport = transport;
    const { user } = await openSend(world, { confirm: true });
    await waitFor(() => expect(screen.getByText('Alt er gemt')).toBeVisible());
    const readsBefore = world.store.loadCalls;

    await user.click(screen.getByRole('button', { name: 'Send referatet nu' }));
    expect(await screen.findByText('Referatet er sendt til alle.')).toBeVisible();
    // One read only: the panel fetching the delivery record afterwards, none before sending.
    expect(world.store.loadCalls - readsBefore).toBe(1);
    expect(world.store.saveCalls.slice(-2).map((c) => c.outcome)).toEqual(['saved', 'saved']);
  });

  it('when someone else saved after the panel read the plan, reads it again: their change stays and each gets one copy', async () => {
    const transport = new FakeMinutesTransport().withChat(MEETING_CHAT);
    const world = aMeetingWorld({ plan: readyPlan() });
    world.services.transport = transport;
    const { user } = await openSend(world, { confirm: true });
    await waitFor(() => expect(screen.getByText('Alt er gemt')).toBeVisible());
    const theirs = structuredClone(world.store.current(PLAN_ID).plan);
    theirs.meetings[0]!.minutes.goals.push({ id: 'g-job', text: 'Borgeren har noget at stå op til' });
    world.store.saveAsSomeoneElse(theirs);

    await user.click(screen.getByRole('button', { name: 'Send referatet nu' }));
    expect(await screen.findByText('Referatet er sendt til alle.')).toBeVisible();
    expect(world.store.saveCalls.map((c) => c.outcome)).toContain('conflict');
    const stored = world.store.current(PLAN_ID).plan.meetings[0]!;
    expect(stored.minutes.goals.map((g) => g.text)).toContain('Borgeren har noget at stå op til');
    expect(stored.delivery?.recipients.every((r) => r.status === 'sent' || r.status === 'skipped')).toBe(true);
    expect(transport.messagesFor(people.peter.id)).toHaveLength(1);
    expect(transport.mailsTo(people.ole.email!)).toHaveLength(1);
  });
});

describe('the words typed last', () => {
  it('are saved before the send, so the minutes sent are the minutes on the screen', async () => {
    const transport = new FakeMinutesTransport().withChat(MEETING_CHAT);
    const world = aMeetingWorld({ plan: readyPlan() });
    world.services.transport = transport;
    const user = userEvent.setup();
    // A save delay far beyond the test: only "Send referatet nu" can make the text reach the store in time.
    renderMeeting(world, { saveDelayMs: 60 * 60000, pollMs: 60 * 60000 });
    await user.click(await screen.findByRole('button', { name: 'Tilføj udfordring' }));
    await user.keyboard('Huslejerestance på tre måneder');
    await user.click(screen.getByRole('tab', { name: 'Opsummering' }));
    await user.click(await screen.findByRole('button', { name: 'Bekræftet med borgeren' }));
    await user.click(await screen.findByRole('button', { name: 'Send referat' }));
    expect(world.store.current(PLAN_ID).plan.meetings[0]!.minutes.challenges).toEqual([]);

    await user.click(await screen.findByRole('button', { name: 'Send referatet nu' }));
    expect(await screen.findByText('Referatet er sendt til alle.')).toBeVisible();
    const stored = world.store.current(PLAN_ID).plan.meetings[0]!;
    expect(stored.minutes.challenges.map((c) => c.text)).toEqual(['Huslejerestance på tre måneder']);
    expect(stored.delivery?.sentMinutes?.challenges.map((c) => c.text)).toEqual(['Huslejerestance på tre måneder']);
  });
});
