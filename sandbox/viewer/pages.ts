import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { calendarOf, copyFor, eventJson } from '../graph/events';
import { mailJson } from '../graph/mail';
import type { GraphResponse } from '../router';
import type { GraphService } from '../server';
import type { ChatRecord, MailRecord, State, UserRecord } from '../store';
import { addTool, findUser } from '../tools';

/**
 * The viewer at /_sandbox/: plain Danish HTML listing the demo users and, per user, their chats (Adaptive Cards
 * rendered in the browser with the `adaptivecards` library and Teams' host config), mailbox and calendar.
 * Message and mail bodies are never injected as HTML: chat text is escaped, mail is shown in a sandboxed iframe.
 */

const here = fileURLToPath(new URL('.', import.meta.url));
const require = createRequire(import.meta.url);

const ASSETS: Record<string, { file: () => string; type: string }> = {
  'adaptivecards.min.js': {
    file: () => require.resolve('adaptivecards/dist/adaptivecards.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'viewer.js': { file: () => `${here}viewer.js`, type: 'text/javascript; charset=utf-8' },
  'teams-light.hostconfig.json': {
    file: () => `${here}teams-light.hostconfig.json`,
    type: 'application/json; charset=utf-8',
  },
  'teams-dark.hostconfig.json': {
    file: () => `${here}teams-dark.hostconfig.json`,
    type: 'application/json; charset=utf-8',
  },
};

const escape = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const ZONE = 'Europe/Copenhagen';
const dateTime = new Intl.DateTimeFormat('da-DK', {
  timeZone: ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const timeOnly = new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });

/** "torsdag den 3. september 2026 kl. 13.00" as Danes write it. */
const danish = (iso: string): string =>
  dateTime
    .format(new Date(iso))
    .replace(/(\d{2})[:.](\d{2})$/, 'kl. $1.$2')
    .replace(' kl. kl.', ' kl.');
const time = (iso: string): string => `<time datetime="${escape(iso)}">${escape(danish(iso))}</time>`;

const page = (title: string, theme: 'light' | 'dark', revision: number, body: string): GraphResponse => ({
  status: 200,
  headers: {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; frame-src 'self' about:; object-src 'none'",
  },
  body: `<!doctype html>
<html lang="da" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>
:root { color-scheme: light; --bg: #f5f5f5; --fg: #242424; --muted: #5c5c5c; --panel: #ffffff; --line: #d1d1d1; --accent: #4f52b2; }
[data-theme="dark"] { color-scheme: dark; --bg: #1f1f1f; --fg: #ffffff; --muted: #c8c8c8; --panel: #292929; --line: #5c5c5c; --accent: #a6a7dc; }
body { margin: 0; font: 16px/1.5 "Segoe UI", system-ui, sans-serif; background: var(--bg); color: var(--fg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: var(--panel); padding: 8px; }
header, main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem; }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.5rem; margin: 1rem 0; }
.meta { color: var(--muted); margin: 0; font-size: 0.9rem; }
ol.messages { list-style: none; padding: 0; } ol.messages > li { border-top: 1px solid var(--line); padding: 0.75rem 0; }
.card { max-width: 34rem; margin-top: 0.5rem; border: 1px solid var(--line); border-radius: 4px; overflow: hidden; }
.mention { font-weight: 600; color: var(--accent); }
.mark { font-weight: 600; }
iframe { width: 100%; min-height: 20rem; border: 1px solid var(--line); background: #fff; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; border-bottom: 1px solid var(--line); padding: 0.4rem; vertical-align: top; }
.cancelled { text-decoration: line-through; }
nav ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
</style>
</head>
<body data-revision="${revision}">
<a class="skip" href="#indhold">Spring til indhold</a>
${body}
<script src="/_sandbox/assets/adaptivecards.min.js"></script>
<script src="/_sandbox/assets/viewer.js"></script>
</body>
</html>
`,
});

const KIND_LABEL: Record<string, string> = {
  inTenant: 'i kommunen',
  federated: 'ekstern Teams-bruger',
  emailOnly: 'kun e-mail',
};

const indexPage = (state: State, theme: 'light' | 'dark'): GraphResponse => {
  const groups: { title: string; users: UserRecord[] }[] = [
    ...state.tenants.map((tenant) => ({
      title: tenant.displayName,
      users: state.users.filter((user) => user.tenantId === tenant.id && user.kind !== 'guest'),
    })),
    { title: 'Kun e-mail (ingen Teams)', users: state.users.filter((user) => user.kind === 'emailOnly') },
  ];
  const lists = groups
    .map(
      (group) =>
        `<h3>${escape(group.title)}</h3><ul>${group.users
          .map(
            (user) =>
              `<li><a href="/_sandbox/view?user=${encodeURIComponent(user.userPrincipalName)}${theme === 'dark' ? '&amp;theme=dark' : ''}">${escape(user.displayName)}</a> — ${escape(
                [user.jobTitle, user.companyName].filter(Boolean).join(', ') || KIND_LABEL[user.kind] || '',
              )}${user.roleHint ? ` <strong>(${escape(user.roleHint)})</strong>` : ''}</li>`,
          )
          .join('')}</ul>`,
    )
    .join('');
  return page(
    'Sandkasse – Tovholder',
    theme,
    state.revision,
    `<header><h1>Microsoft 365-sandkasse</h1><p>En lokal efterligning af Microsoft Graph med demo-lejeren. Vælg en person for at se deres chats, postkasse og kalender.</p>
<nav aria-label="Sider"><ul><li><a href="/_sandbox/access${theme === 'dark' ? '?theme=dark' : ''}">Planer og adgang</a></li>
<li><a href="/_sandbox/?theme=${theme === 'dark' ? 'light' : 'dark'}">${theme === 'dark' ? 'Skift til lyst tema' : 'Skift til mørkt tema'}</a></li></ul></nav></header>
<main id="indhold"><section aria-labelledby="brugere"><h2 id="brugere">Personer</h2>${lists}</section>
<section aria-labelledby="vaerktoejer"><h2 id="vaerktoejer">Værktøjer (JSON)</h2><ul>
<li><a href="/_sandbox/users">Alle personer</a></li><li><a href="/_sandbox/tenants">Lejere, indstillinger og gæster</a></li><li><a href="/_sandbox/stats">Antal kald</a></li><li><a href="/_sandbox/faults">Aktive fejl</a></li></ul></section></main>`,
  );
};

const ROLE_LABEL: Record<string, string> = {
  principalOwner: 'ejer (oprettede planen)',
  owner: 'ejer',
  manager: 'redaktør og giver adgang',
  writer: 'redaktør',
  reader: 'læser',
};

/** "Planer og adgang": per tenant each container (case reference only), who holds which role, and the guests. */
const accessPage = (state: State, theme: 'light' | 'dark'): GraphResponse => {
  const nameOf = (user: UserRecord): string => {
    const home = user.homeUserId ? state.users.find((candidate) => candidate.id === user.homeUserId) : undefined;
    const tenant = state.tenants.find((candidate) => candidate.id === (home ?? user).tenantId);
    return `${escape(user.displayName)} — ${escape(user.companyName || tenant?.displayName || '')} (${
      user.kind === 'guest' ? `gæst fra ${escape(tenant?.displayName ?? 'en anden organisation')}` : 'medlem'
    })`;
  };
  const sections = state.tenants
    .map((tenant) => {
      const containers = state.containers.filter((c) => c.tenantId === tenant.id && c.deletedDateTime === null);
      const guests = state.users.filter((user) => user.kind === 'guest' && user.tenantId === tenant.id);
      const shown = containers.slice(0, 200);
      const rows = shown
        .map((container) => {
          const people = container.permissions
            .map((permission) => {
              const user = state.users.find((candidate) => candidate.id === permission.userId);
              return `<li>${user ? nameOf(user) : escape(permission.userId)}: ${escape(ROLE_LABEL[permission.roles[0]] ?? permission.roles[0])}</li>`;
            })
            .join('');
          return `<h4>${escape(container.displayName)}${container.status === 'inactive' ? ' <span class="meta">(ikke taget i brug)</span>' : ''}</h4><ul>${people}</ul>`;
        })
        .join('');
      const more =
        containers.length > shown.length ? `<p class="meta">… og ${containers.length - shown.length} til.</p>` : '';
      const guestList = guests.length
        ? `<ul>${guests
            .map(
              (guest) =>
                `<li>${nameOf(guest)} — ${escape(guest.userPrincipalName)}, ${guest.externalUserState === 'Accepted' ? 'har accepteret' : 'afventer accept'}</li>`,
            )
            .join('')}</ul>`
        : '<p>Ingen gæster.</p>';
      return `<section aria-labelledby="t-${tenant.id}"><h2 id="t-${tenant.id}">${escape(tenant.displayName)}</h2>
<h3>Planer (${containers.length})</h3>${rows || '<p>Ingen planer.</p>'}${more}<h3>Gæster</h3>${guestList}</section>`;
    })
    .join('');
  return page(
    'Planer og adgang – Sandkasse',
    theme,
    state.revision,
    `<header><p><a href="/_sandbox/${theme === 'dark' ? '?theme=dark' : ''}">← Alle personer</a></p><h1>Planer og adgang</h1>
<p>Hver plan ligger i sin egen SharePoint Embedded-container. Her står, hvem der har hvilken rolle på den, og hvilke gæstekonti hver organisation har. Kun sagsreferencen vises.</p></header>
<main id="indhold">${sections}</main>`,
  );
};

const chatText = (html: string): string => {
  // Escape everything, then turn the escaped <at> tags back into a visible, harmless mention.
  const escaped = escape(
    html
      .replace(/<attachment[^>]*>\s*<\/attachment>/gi, '')
      .replace(/<at\s+id\s*=\s*["']?(\d+)["']?\s*>([\s\S]*?)<\/at>/gi, '\ue000$2\ue001')
      .replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
  return escaped
    .split('\ue000')
    .join('<span class="mention">@')
    .split('\ue001')
    .join('</span>')
    .trim()
    .split(/\n+/)
    .map((line) => `<p>${line}</p>`)
    .join('');
};

const scriptJson = (value: string): string =>
  value.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

const chatTitle = (state: State, chat: ChatRecord, viewer: UserRecord): string => {
  if (chat.topic) return chat.topic;
  const others = chat.members
    .filter((member) => member.userId !== viewer.id)
    .map((member) => state.users.find((user) => user.id === member.userId)?.displayName ?? member.userId);
  return `Chat med ${others.join(', ')}`;
};

const CHAT_KIND: Record<string, string> = { oneOnOne: '1:1-chat', group: 'Gruppechat', meeting: 'Mødechat' };

const chatsSection = (state: State, viewer: UserRecord): string => {
  const chats = state.chats
    .filter((chat) => chat.members.some((member) => member.userId === viewer.id))
    .sort((a, b) => b.lastUpdatedDateTime.localeCompare(a.lastUpdatedDateTime));
  if (viewer.kind === 'emailOnly') return '<p>Personen bruger ikke Teams og har ingen chats.</p>';
  if (chats.length === 0) return '<p>Ingen chats endnu.</p>';
  let cardIndex = 0;
  return chats
    .map((chat, chatIndex) => {
      const members = chat.members.map(
        (member) => state.users.find((user) => user.id === member.userId)?.displayName ?? member.userId,
      );
      const messages = chat.messages
        .map((message) => {
          const author = state.users.find((user) => user.id === message.fromUserId)?.displayName ?? 'System';
          if (message.deletedDateTime) {
            return `<li><p class="meta"><strong>${escape(author)}</strong> · ${time(message.createdDateTime)}</p><p><em>Denne besked er blevet slettet.</em></p></li>`;
          }
          const cards = message.attachments
            .filter(
              (attachment) =>
                attachment.contentType === 'application/vnd.microsoft.card.adaptive' && attachment.content,
            )
            .map((attachment) => {
              const id = `card-${cardIndex++}`;
              return `<div class="card" data-card="${id}-json" role="group" aria-label="Adaptive Card">Kortet indlæses …</div><script type="application/json" id="${id}-json">${scriptJson(attachment.content ?? '')}</script>`;
            })
            .join('');
          return `<li><p class="meta"><strong>${escape(author)}</strong> · ${time(message.createdDateTime)}</p>${chatText(message.body)}${cards}</li>`;
        })
        .join('');
      const tabs = chat.tabs.length
        ? `<p class="meta">Faneblade: ${chat.tabs.map((tab) => `${escape(tab.displayName)} (<a href="${escape(tab.contentUrl ?? '#')}">${escape(tab.contentUrl ?? '')}</a>)`).join(', ')}</p>`
        : '';
      return `<article aria-labelledby="chat-${chatIndex}"><h3 id="chat-${chatIndex}">${escape(chatTitle(state, chat, viewer))}</h3>
<p class="meta">${escape(CHAT_KIND[chat.chatType] ?? chat.chatType)} · Medlemmer: ${escape(members.join(', '))}</p>${tabs}
${messages ? `<ol class="messages">${messages}</ol>` : '<p>Ingen beskeder.</p>'}</article>`;
    })
    .join('');
};

const FOLDER_NAME: Record<MailRecord['folder'], string> = {
  inbox: 'Indbakke',
  sentitems: 'Sendt post',
  drafts: 'Kladder',
  deleteditems: 'Slettet post',
};

/**
 * What the demo tenant's mail flow does with the mark the app puts on every e-mail, set up as the README tells an
 * admin to: a mail-flow rule applies Microsoft Purview Message Encryption when `X-Tovholder-Protection` includes
 * `purview`, and a partner connector enforces TLS to the domains on the list. The sandbox encrypts nothing; the
 * viewer shows what the tenant would do, and which e-mails were only the notice of new minutes.
 */
const PROTECTION_HEADER = 'x-tovholder-protection';
const PROTECTION: Record<string, { tag: string; text: string }> = {
  purview: {
    tag: 'Krypteret',
    text: 'Lejerens regel krypterer denne e-mail (Microsoft Purview-meddelelseskryptering), før den forlader organisationen.',
  },
  tls: {
    tag: 'Tvungen TLS',
    text: 'Sendes til partnerdomænet over lejerens forbindelse med tvungen TLS.',
  },
  notice: {
    tag: 'Kun besked',
    text: 'Kun besked om nyt referat: e-mailen bærer intet om borgeren og ingen plan.',
  },
};

const protectionOf = (mail: MailRecord): { tag: string; text: string } | null => {
  const value = mail.internetMessageHeaders?.find((h) => h.name.toLowerCase() === PROTECTION_HEADER)?.value;
  if (value === undefined) return null;
  return PROTECTION[value.trim().toLowerCase()] ?? { tag: 'Ukendt mærke', text: `Ukendt mærke: ${value}` };
};

const mailSection = (state: State, viewer: UserRecord): string => {
  const mails = state.mail
    .filter((mail: MailRecord) => mail.mailbox === viewer.mail.toLowerCase())
    .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
  if (mails.length === 0) return '<p>Postkassen er tom.</p>';
  return `<ol class="messages">${mails
    .map((mail, index) => {
      const json = mailJson(mail);
      const doc = mail.bodyContentType === 'html' ? mail.body : `<pre>${escape(mail.body)}</pre>`;
      const folder = FOLDER_NAME[mail.folder];
      const who = (list: { name: string; address: string }[]): string =>
        escape(list.map((r) => `${r.name} <${r.address}>`).join(', '));
      const protection = protectionOf(mail);
      return `<li><details${index === 0 ? ' open' : ''}><summary><strong>${escape(mail.subject || '(intet emne)')}</strong> — ${escape(mail.from.name)} · ${time(mail.receivedDateTime)} · ${folder}${protection ? ` · <span class="mark">${escape(protection.tag)}</span>` : ''}</summary>
<dl class="meta"><dt>Fra</dt><dd>${who([mail.from])}</dd><dt>Til</dt><dd>${who(mail.to)}</dd>${mail.cc.length ? `<dt>Cc</dt><dd>${who(mail.cc)}</dd>` : ''}${protection ? `<dt>Beskyttelse</dt><dd data-protection="${escape(mail.internetMessageHeaders?.find((h) => h.name.toLowerCase() === PROTECTION_HEADER)?.value ?? '')}">${escape(protection.text)}</dd>` : ''}</dl>
<iframe sandbox="" referrerpolicy="no-referrer" title="Indhold af e-mailen: ${escape(String(json.subject ?? ''))}" srcdoc="${escape(`<!doctype html><html lang="da"><meta charset="utf-8"><body style="font-family:Segoe UI,sans-serif">${doc}</body></html>`)}"></iframe></details></li>`;
    })
    .join('')}</ol>`;
};

const RESPONSE_LABEL: Record<string, string> = {
  organizer: 'Arrangør',
  accepted: 'Accepteret',
  tentativelyAccepted: 'Foreløbigt accepteret',
  declined: 'Afvist',
  notResponded: 'Ikke svaret',
  none: 'Ikke svaret',
};

const calendarSection = (state: State, viewer: UserRecord, showAll: boolean): string => {
  if (viewer.kind === 'emailOnly') return '<p>Personen har ingen kalender i sandkassen (kun e-mail).</p>';
  const from = Date.now() - 14 * 86_400_000;
  const events = calendarOf(state, viewer.id)
    .filter((event) => showAll || event.end >= from || event.isOnlineMeeting)
    .sort((a, b) => a.start - b.start);
  const rows = events
    .map((event) => {
      const json = eventJson(state, event, viewer, 'UTC');
      const organizer = state.users.find((user) => user.id === event.organizerId)?.displayName ?? '';
      const response = (json.responseStatus as { response: string }).response;
      const attendees = event.attendees
        .map((attendee) => `${attendee.name} (${RESPONSE_LABEL[attendee.response] ?? attendee.response})`)
        .join(', ');
      const joinUrl = (json.onlineMeeting as { joinUrl?: string } | null)?.joinUrl;
      const start = new Date(event.start).toISOString();
      return `<tr${event.isCancelled ? ' class="cancelled"' : ''}><td>${time(start)}–${escape(timeOnly.format(new Date(event.end)))}</td>
<td>${escape(String(json.subject ?? ''))}${event.isCancelled ? ' <strong>(aflyst)</strong>' : ''}</td><td>${escape(organizer)}</td>
<td>${escape(RESPONSE_LABEL[response] ?? response)}</td><td>${escape(attendees) || '—'}</td>
<td>${joinUrl ? `<a href="${escape(joinUrl)}">Teams-link</a>` : '—'}</td></tr>`;
    })
    .join('');
  const copyCount = events.filter((event) => copyFor(event, viewer.id)).length;
  return `<p><a href="/_sandbox/view?user=${encodeURIComponent(viewer.userPrincipalName)}&amp;all=${showAll ? '0' : '1'}#kalender">${showAll ? 'Vis kun de seneste to uger og frem' : 'Vis hele kalenderen'}</a></p>
<table><caption class="meta">${copyCount} aftaler (tider i dansk tid)</caption><thead><tr><th scope="col">Tidspunkt</th><th scope="col">Emne</th><th scope="col">Arrangør</th><th scope="col">Mit svar</th><th scope="col">Deltagere</th><th scope="col">Teams</th></tr></thead><tbody>${rows}</tbody></table>`;
};

const userPage = (state: State, viewer: UserRecord, theme: 'light' | 'dark', showAll: boolean): GraphResponse => {
  const other = theme === 'dark' ? 'light' : 'dark';
  const self = `/_sandbox/view?user=${encodeURIComponent(viewer.userPrincipalName)}`;
  return page(
    `${viewer.displayName} – Sandkasse`,
    theme,
    state.revision,
    `<header><p><a href="/_sandbox/${theme === 'dark' ? '?theme=dark' : ''}">← Alle personer</a></p>
<h1>${escape(viewer.displayName)}</h1><p class="meta">${escape([viewer.jobTitle, viewer.companyName, viewer.mail].filter(Boolean).join(' · '))}</p>
<nav aria-label="Sektioner"><ul><li><a href="/_sandbox/access">Planer og adgang</a></li><li><a href="#chats">Chats</a></li><li><a href="#postkasse">Postkasse</a></li><li><a href="#kalender">Kalender</a></li>
<li><a href="${self}&amp;theme=${other}">${other === 'dark' ? 'Mørkt tema' : 'Lyst tema'}</a></li></ul></nav>
<p><label><input type="checkbox" id="auto-refresh"> Opdater automatisk, når der kommer nyt</label></p></header>
<main id="indhold">
<section aria-labelledby="chats"><h2 id="chats">Chats</h2>${chatsSection(state, viewer)}</section>
<section aria-labelledby="postkasse"><h2 id="postkasse">Postkasse</h2>${mailSection(state, viewer)}</section>
<section aria-labelledby="kalender"><h2 id="kalender">Kalender</h2>${calendarSection(state, viewer, showAll)}</section>
</main>`,
  );
};

let registered = false;

export const registerViewer = (): void => {
  if (registered) return;
  registered = true;
  const themeOf = (url: URL): 'light' | 'dark' => (url.searchParams.get('theme') === 'dark' ? 'dark' : 'light');
  addTool('GET', /^\/_sandbox\/?$/, (request, graph: GraphService) =>
    indexPage(graph.sandbox.store.state, themeOf(request.url)),
  );
  addTool('GET', /^\/_sandbox\/access$/, (request, graph: GraphService) =>
    accessPage(graph.sandbox.store.state, request.url.searchParams.get('theme') === 'dark' ? 'dark' : 'light'),
  );
  addTool('GET', /^\/_sandbox\/view$/, (request, graph: GraphService) => {
    const user = findUser(graph, request.url.searchParams.get('user'));
    if (!user) {
      return {
        status: 404,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        body: 'Ukendt person. Gå tilbage til /_sandbox/.',
      };
    }
    return userPage(graph.sandbox.store.state, user, themeOf(request.url), request.url.searchParams.get('all') === '1');
  });
  addTool('GET', /^\/_sandbox\/assets\/([\w.-]+)$/, (_request, _graph, match) => {
    const asset = ASSETS[match[1] ?? ''];
    if (!asset) return { status: 404, body: 'not found' };
    return {
      status: 200,
      headers: { 'Content-Type': asset.type, 'Cache-Control': 'max-age=300' },
      body: readFileSync(asset.file()),
    };
  });
};
