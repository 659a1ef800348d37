/**
 * Every way out of the app is a port method (src/domain/ports/), and outboundGuard.test.ts keeps the network and
 * the console to the adapters. This test closes the remaining door: a port method that sends must take a
 * `Cleared<…>` (or a type built on one), so calling it with a payload the privacy guard has not seen does not
 * compile. A method that takes no Cleared must be listed below as one that sends nothing out of the plan, with
 * the reason. A new port method — a new outbound call — is neither, and fails the build until it is one or the
 * other.
 *
 * The second half proves the compile-time refusal itself: it type-checks calls of every sending port method with
 * an unchecked payload, the way a careless caller would write them, and expects one error per call.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { mentions, parse, walk } from './sourceTree';

const ROOT = process.cwd();
const PORTS = 'src/domain/ports';

/** Port methods that take no Cleared, and why nothing from the plan leaves through them. */
const SENDS_NOTHING: Record<string, string> = {
  'AppointmentItem.getSubject': 'reads the appointment',
  'AppointmentItem.getAttendees': 'reads the appointment',
  'AppointmentItem.getTimes': 'reads the appointment',
  'Calendar.getSchedule': 'free/busy of e-mail addresses for a time window; no text from the plan',
  'Calendar.getResponses': 'reads the answers to an invitation by its id',
  'Clock.now': 'the time',
  'MeetingChat.findChatId': 'looks the meeting chat up by the join URL Graph gave',
  'MeetingHost.frame': 'reads the host',
  'MeetingHost.theme': 'reads the host',
  'MeetingHost.onThemeChange': 'listens to the host',
  'MeetingHost.locale': 'reads the host',
  'MinutesTransport.look': 'reads chats and mailboxes for the delivery mark (ids only)',
  'MinutesTransport.removeCopies': 'deletes extra copies of messages already cleared, by id',
  'MinutesTransport.discardDrafts': 'deletes drafts already cleared, by id',
  'PeopleDirectory.me': 'reads the signed-in user',
  'PeopleDirectory.search': 'searches the directory for a colleague as the user types; no plan is read',
  'PlanStore.list': 'reads the plan documents the user may open',
  'PlanStore.load': 'reads a plan document',
  'PlanStore.reserve':
    'makes an empty container only its creator can open, named by the case reference (which calendar items carry too)',
  'PlanStore.save':
    "writes the plan document itself, the one place the citizen's data belongs (its container's own permissions)",
  'PlanAccess.grants': 'reads who holds a role on the plan',
  'PlanAccess.principals':
    "finds people's accounts by address (an invitation without e-mail for a guest); no text from the plan",
  'LegacyPlanLibrary.list': "reads the first version's library",
  'LegacyPlanLibrary.load': "reads a plan document in the first version's library",
  'LegacyPlanLibrary.save': 'writes a plan document not moved yet, where it is',
  'LegacyPlanLibrary.leavePointer': "replaces a moved plan's document by its new address and case reference",
  'SetupProbe.grantedScopes': "reads the permissions in the user's own token",
  'SetupProbe.listPlaces': 'counts the containers the user holds a role on; no plan is read',
  'SetupProbe.hasOneDrive': "reads whether the user's OneDrive exists",
  'SetupProbe.tryPlace': 'makes an empty container and removes it; nothing of a plan goes in',
  'SetupProbe.partner': "asks for a token in a partner's tenant; nothing is sent there",
};

interface PortMethod {
  /** Interface.method */
  name: string;
  takesCleared: boolean;
}

/**
 * The methods of every interface in the given port files, and whether one of their parameters carries a Cleared:
 * directly (`Cleared<EventDraft>`, `{ mails: Cleared<MailToSend>[] }`) or through a type declared in the ports
 * that does (`tab: TabToPin`, whose URLs are Cleared).
 */
const portMethods = (files: readonly { path: string; text: string }[]): PortMethod[] => {
  const sources = files.map((f) => parse(f.path, f.text));
  const carriers = new Set(['Cleared']);
  const declarations: { name: string; node: ts.Node }[] = [];
  for (const source of sources) {
    walk(source, (node) => {
      if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name) {
        declarations.push({ name: node.name.text, node });
      }
    });
  }
  for (let grew = true; grew;) {
    grew = false;
    for (const { name, node } of declarations) {
      // An interface carries Cleared through its properties, not through its methods' parameters.
      const parts = ts.isInterfaceDeclaration(node)
        ? node.members.filter((m) => ts.isPropertySignature(m) && !(m.type && ts.isFunctionTypeNode(m.type)))
        : [node];
      if (!carriers.has(name) && parts.some((part) => mentions(part, carriers))) {
        carriers.add(name);
        grew = true;
      }
    }
  }
  const methods: PortMethod[] = [];
  for (const source of sources) {
    walk(source, (node) => {
      if (!ts.isInterfaceDeclaration(node)) return;
      for (const member of node.members) {
        const params = ts.isMethodSignature(member)
          ? member.parameters
          : ts.isPropertySignature(member) && member.type && ts.isFunctionTypeNode(member.type)
            ? member.type.parameters
            : null;
        if (params === null || !member.name || !ts.isIdentifier(member.name)) continue;
        methods.push({
          name: `${node.name.text}.${member.name.text}`,
          takesCleared: params.some((p) => p.type !== undefined && mentions(p.type, carriers)),
        });
      }
    });
  }
  return methods;
};

/** Port methods that neither take a Cleared nor are listed as sending nothing; and listed ones that are wrong. */
const violations = (methods: readonly PortMethod[]): string[] => [
  ...methods.filter((m) => !m.takesCleared && !(m.name in SENDS_NOTHING)).map((m) => `unguarded: ${m.name}`),
  ...methods.filter((m) => m.takesCleared && m.name in SENDS_NOTHING).map((m) => `listed but guarded: ${m.name}`),
  ...Object.keys(SENDS_NOTHING)
    .filter((name) => !methods.some((m) => m.name === name))
    .map((name) => `listed but gone: ${name}`),
];

const portFiles = () =>
  readdirSync(join(ROOT, PORTS))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ path: `${PORTS}/${name}`, text: readFileSync(join(ROOT, PORTS, name), 'utf8') }));

describe('every port method that sends takes a payload the privacy guard has cleared', () => {
  it('finds in src/domain/ports only methods that take a Cleared or send nothing out of the plan', () => {
    const methods = portMethods(portFiles());
    expect(methods.length).toBeGreaterThan(20);
    expect(violations(methods)).toEqual([]);
  });

  it('counts the sending methods as guarded: calendar, chat, e-mail, links, stage, tab, To Do, appointment, log, access', () => {
    const guarded = portMethods(portFiles())
      .filter((m) => m.takesCleared)
      .map((m) => m.name)
      .sort();
    expect(guarded).toEqual([
      'AppointmentItem.addAttendees',
      'AppointmentItem.setBodyHtml',
      'AppointmentItem.setSubject',
      'Calendar.createEvent',
      'Calendar.updateEvent',
      'Logger.log',
      'MeetingChat.pinTab',
      'MeetingHost.openLink',
      'MeetingHost.shareToStage',
      'MinutesTransport.prepare',
      'MinutesTransport.send',
      'PlanAccess.apply',
      'TaskList.addTasks',
    ]);
  });

  it('fails a new port method that sends a plain payload, and passes it once it takes a Cleared', () => {
    const port = (param: string) => ({
      path: `${PORTS}/note.ts`,
      text: `import type { Cleared } from '../privacy/cleared';\nexport interface NoteBoard {\n  post(${param}): Promise<void>;\n}`,
    });
    expect(violations(portMethods([...portFiles(), port('text: string')]))).toEqual(['unguarded: NoteBoard.post']);
    expect(violations(portMethods([...portFiles(), port('text: Cleared<string>')]))).toEqual([]);
  });

  it('sees a Cleared carried inside a port type, and not one that is only mentioned by a method', () => {
    const text = [
      "import type { Cleared } from '../privacy/cleared';",
      'export interface Tab { url: Cleared<string>; name: string }',
      'export interface Note { text: string; check(x: Cleared<string>): void }',
      'export interface Board { pin(tab: Tab): void; post(note: Note): void; }',
    ].join('\n');
    const methods = portMethods([{ path: `${PORTS}/board.ts`, text }]);
    expect(methods.filter((m) => m.name.startsWith('Board.'))).toEqual([
      { name: 'Board.pin', takesCleared: true },
      { name: 'Board.post', takesCleared: false },
    ]);
  });
});

/**
 * Calls of every sending port with a payload that has not been through the guard. Each line must be a compile
 * error; if a port is widened to take a plain payload, its line compiles and the test fails.
 */
const CARELESS_CALLER = `
import type { AppointmentItem, AppointmentAttendee } from './src/domain/ports/appointmentItem';
import type { Calendar, EventDraft, EventPatch } from './src/domain/ports/calendar';
import type { Logger, LogEntry } from './src/domain/ports/logger';
import type { MeetingChat } from './src/domain/ports/meetingChat';
import type { MeetingHost } from './src/domain/ports/meetingHost';
import type { ChatMessageToPost, MailToSend, MinutesTransport } from './src/domain/ports/minutesTransport';
import type { AccessChange, PlanAccess } from './src/domain/ports/planAccess';
import type { TaskList, TaskToAdd } from './src/domain/ports/taskList';
declare const calendar: Calendar, chat: MeetingChat, host: MeetingHost, transport: MinutesTransport;
declare const tasks: TaskList, appointment: AppointmentItem, logger: Logger, access: PlanAccess;
declare const draft: EventDraft, patch: EventPatch, message: ChatMessageToPost, mail: MailToSend;
declare const task: TaskToAdd, entry: LogEntry, attendees: AppointmentAttendee[], url: string, changes: AccessChange[];
void calendar.createEvent(draft);
void calendar.updateEvent('e1', patch);
void transport.prepare({ partners: [], mails: [mail], deliveryId: 'd' });
void transport.send({ messages: [message], drafts: [] });
void host.shareToStage(url, 'screenShare');
void host.openLink(url);
void chat.pinTab('c1', { displayName: 'Tovholder', teamsAppId: 'a', entityId: 'e', contentUrl: url, websiteUrl: url });
void tasks.addTasks([task]);
void appointment.setSubject(url);
void appointment.setBodyHtml(url);
void appointment.addAttendees(attendees);
logger.log(entry);
void access.apply('plan', changes);
`;
const CALLS_FROM_LINE = 13;
const CALLS = 13;

const typeErrorsIn = (code: string): { line: number; message: string }[] => {
  const fileName = join(ROOT, '__carelessCaller.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (name === fileName ? code : readFile(name));
  host.fileExists = (
    (exists) => (name: string) =>
      name === fileName || exists(name)
  )(host.fileExists.bind(host));
  host.getSourceFile = (name, version, onError) =>
    name === fileName ? ts.createSourceFile(name, code, version) : getSourceFile(name, version, onError);
  const program = ts.createProgram([fileName], options, host);
  const source = program.getSourceFile(fileName);
  return ts
    .getPreEmitDiagnostics(program, source)
    .filter((d) => d.file?.fileName === fileName && d.start !== undefined)
    .map((d) => ({
      line: (d.file as ts.SourceFile).getLineAndCharacterOfPosition(d.start ?? 0).line,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
};

describe('the compiler refuses an outbound call that skips the guard', () => {
  it('gives one error per sending port called with an unchecked payload, each about the missing Cleared brand', () => {
    const errors = typeErrorsIn(CARELESS_CALLER);
    const lines = [...new Set(errors.map((e) => e.line))].sort((a, b) => a - b);
    expect(lines).toEqual(Array.from({ length: CALLS }, (_, i) => CALLS_FROM_LINE + i));
    for (const error of errors) expect(error.message).toMatch(/clearedBrand|Cleared/);
  }, 60_000);

  it('accepts the same calls once their payloads come from the guard', () => {
    const cleared = CARELESS_CALLER.replace(
      "import type { TaskList, TaskToAdd } from './src/domain/ports/taskList';",
      "import type { TaskList, TaskToAdd } from './src/domain/ports/taskList';\nimport type { Cleared } from './src/domain/privacy/cleared';",
    ).replace(
      /declare const draft: [^\n]+\ndeclare const task: [^\n]+/,
      [
        'declare const draft: Cleared<EventDraft>, patch: Cleared<EventPatch>, message: Cleared<ChatMessageToPost>, mail: Cleared<MailToSend>;',
        'declare const task: Cleared<TaskToAdd>, entry: Cleared<LogEntry>, attendees: Cleared<AppointmentAttendee[]>, url: Cleared<string>, changes: Cleared<AccessChange[]>;',
      ].join('\n'),
    );
    expect(typeErrorsIn(cleared)).toEqual([]);
  }, 60_000);
});
