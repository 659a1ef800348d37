import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../support/sandboxProcess';
import { USERS, signIn, tool, type Call, type GraphErrorShape } from './graphCall';

/**
 * Custom Internet message headers on e-mail (`internetMessageHeaders`), the mark the tenant's mail-flow rule reads:
 * given only on create (POST /me/messages, POST /me/sendMail), at most five, every name starting `x-`, shown only when
 * `$select`ed, and carried by the message to every copy — as Graph documents and answers.
 */

const HEADER = 'X-Tovholder-Protection';
const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };

interface Message {
  id: string;
  subject: string;
  internetMessageHeaders?: { name: string; value: string }[];
}

let sandbox: RunningSandbox;
let aisha: Call;

const minutesTo = (address: string, subject: string, extra: Record<string, unknown> = {}) => ({
  subject,
  body: { contentType: 'HTML', content: `<p>${subject}</p>` },
  toRecipients: [{ emailAddress: { address } }],
  ...extra,
});

const mailbox = (address: string) =>
  tool<{ messages: (Message & { folder: string })[] }>(
    sandbox,
    'GET',
    `/_sandbox/mailbox?user=${encodeURIComponent(address)}`,
  ).then((box) => box.messages);

beforeAll(async () => {
  sandbox = await startSandbox();
  aisha = await signIn(sandbox, USERS.aisha);
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('a draft with the protection mark', () => {
  it('keeps the header, returns it only when selected, and every copy of the sent mail carries it', async () => {
    const created = await aisha<Message>(
      'POST',
      '/me/messages',
      minutesTo(USERS.ole, 'Referat H-1', { internetMessageHeaders: [{ name: HEADER, value: 'purview' }] }),
      IMMUTABLE,
    );
    expect(created.status).toBe(201);
    expect(created.body.internetMessageHeaders).toBeUndefined();
    const id = encodeURIComponent(created.body.id);

    const selected = await aisha<Message>('GET', `/me/messages/${id}?$select=subject,internetMessageHeaders`);
    expect(selected.body.internetMessageHeaders).toEqual([{ name: HEADER, value: 'purview' }]);
    const plain = await aisha<Message>('GET', `/me/messages/${id}`);
    expect(plain.body.internetMessageHeaders).toBeUndefined();

    expect((await aisha('POST', `/me/messages/${id}/send`, undefined, IMMUTABLE)).status).toBe(202);
    const [received] = (await mailbox(USERS.ole)).filter((m) => m.subject === 'Referat H-1');
    expect(received?.internetMessageHeaders).toEqual([{ name: HEADER, value: 'purview' }]);
    const [kept] = (await mailbox(USERS.aisha)).filter((m) => m.subject === 'Referat H-1');
    expect(kept?.folder).toBe('sentitems');
    expect(kept?.internetMessageHeaders).toEqual([{ name: HEADER, value: 'purview' }]);
  });

  it('is listed with the header only under $select', async () => {
    const listed = await aisha<{ value: Message[] }>(
      'GET',
      `/me/mailFolders/sentitems/messages?$select=subject,internetMessageHeaders&$top=50`,
    );
    expect(listed.body.value.find((m) => m.subject === 'Referat H-1')?.internetMessageHeaders).toEqual([
      { name: HEADER, value: 'purview' },
    ]);
  });

  it('also comes through sendMail', async () => {
    const sent = await aisha('POST', '/me/sendMail', {
      message: minutesTo(USERS.ole, 'Besked H-2', { internetMessageHeaders: [{ name: HEADER, value: 'notice' }] }),
    });
    expect(sent.status).toBe(202);
    const [received] = (await mailbox(USERS.ole)).filter((m) => m.subject === 'Besked H-2');
    expect(received?.internetMessageHeaders).toEqual([{ name: HEADER, value: 'notice' }]);
  });
});

describe('what Graph refuses in internetMessageHeaders', () => {
  const refused = async (headers: unknown, subject: string) => {
    const reply = await aisha<GraphErrorShape>(
      'POST',
      '/me/messages',
      minutesTo(USERS.ole, subject, { internetMessageHeaders: headers }),
    );
    const drafts = (await mailbox(USERS.aisha)).filter((m) => m.subject === subject);
    expect(drafts, 'nothing is created').toEqual([]);
    return reply;
  };

  it('a header whose name does not start with x-, with Graph’s message', async () => {
    const reply = await refused([{ name: 'Sensitivity', value: 'Private' }], 'R-1');
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('InvalidInternetMessageHeader');
    expect(reply.body.error.message).toBe(
      "The internet message header name 'Sensitivity' should start with 'x-' or 'X-'.",
    );
  });

  it('more than five headers, and an empty collection', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `x-tovholder-${i}`, value: 'v' }));
    for (const [headers, subject] of [
      [six, 'R-2'],
      [[], 'R-3'],
    ] as const) {
      const reply = await refused(headers, subject);
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe('InvalidInternetMessageHeaderCollection');
      expect(reply.body.error.message).toBe(
        'Maximum number of headers in one message should be less than or equal to 5.',
      );
    }
    const five = six.slice(0, 5);
    const accepted = await aisha(
      'POST',
      '/me/messages',
      minutesTo(USERS.ole, 'OK-5', { internetMessageHeaders: five }),
    );
    expect(accepted.status).toBe(201);
  });

  it('a value that is not a string, a property a header does not have, and a name with a colon or a line break', async () => {
    const notString = await refused([{ name: HEADER, value: 1 }], 'R-4');
    expect([notString.status, notString.body.error.code]).toEqual([400, 'RequestBodyRead']);
    const extra = await refused([{ name: HEADER, value: 'purview', encrypt: true }], 'R-5');
    expect([extra.status, extra.body.error.code]).toEqual([400, 'RequestBodyRead']);
    const colon = await refused([{ name: 'x-a:b', value: 'v' }], 'R-6');
    expect([colon.status, colon.body.error.code]).toEqual([400, 'InvalidInternetMessageHeader']);
    const injected = await refused([{ name: HEADER, value: 'purview\r\nBcc: someone@example.com' }], 'R-7');
    expect([injected.status, injected.body.error.code]).toEqual([400, 'InvalidInternetMessageHeader']);
  });

  it('the same on sendMail: nothing is delivered', async () => {
    const reply = await aisha<GraphErrorShape>('POST', '/me/sendMail', {
      message: minutesTo(USERS.ole, 'R-8', { internetMessageHeaders: [{ name: 'Priority', value: 'urgent' }] }),
    });
    expect([reply.status, reply.body.error.code]).toEqual([400, 'InvalidInternetMessageHeader']);
    expect((await mailbox(USERS.ole)).filter((m) => m.subject === 'R-8')).toEqual([]);
  });
});

describe('the viewer', () => {
  it('shows which e-mails the tenant’s rule would encrypt and which went only as the notice of new minutes', async () => {
    const page = await fetch(`${sandbox.origin}/_sandbox/view?user=${encodeURIComponent(USERS.ole)}`);
    const html = await page.text();
    const item = (subject: string) =>
      html.slice(html.indexOf(subject), html.indexOf('</details>', html.indexOf(subject)));
    expect(item('Referat H-1')).toContain('Krypteret');
    expect(item('Referat H-1')).toContain('Lejerens regel krypterer denne e-mail (Microsoft Purview');
    expect(item('Besked H-2')).toContain('Kun besked om nyt referat');
  });
});
