/**
 * `npm run card -- <plan.json> [--recipient <participantId>] [--detail summary|full] [--lang da|en]`
 * Prints the Adaptive Card that would be sent for the plan's last meeting, exactly as the delivery builds it
 * (fitted to the chat message limit), so anyone can inspect what leaves the plan. `--message` prints the whole
 * Graph chat message instead, `--email` the HTML e-mail. Messages to the user are Danish.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildMinutesEmail } from '../src/cards/minutesEmail';
import { buildMinutesMessage, toGraphChatMessage } from '../src/cards/minutesMessage';
import type { CardDetail } from '../src/cards/minutesView';
import { MESSAGE_LIMIT_BYTES } from '../src/cards/fitToSize';
import { parsePlanDocument } from '../src/domain/plan/migrations';
import type { Lang } from '../src/domain/problems';

export const USAGE = `Brug: npm run card -- <plan.json> [--recipient <deltager-id>] [--detail summary|full] [--lang da|en] [--message | --email] [--plan-url <url>]

Skriver referatkortet (Adaptive Card JSON) for planens seneste møde, præcis som det ville blive sendt.
  <plan.json>          et plandokument, f.eks. test/fixtures/cards/demo-plan.json
  --recipient <id>     kortet til én deltager: "Dine opgaver" øverst (f.eks. peter)
  --detail <niveau>    summary (standard: uden runde, udfordringer og borgerens navn) eller full
  --lang <sprog>       da (standard) eller en
  --message            hele chatbeskeden til Graph (HTML med @omtaler, kort og mentions) i stedet for kortet
  --email              e-mailen (HTML) til deltagere uden for Teams i stedet for kortet
  --plan-url <url>     linket bag "Åbn planen" (standard: den lokale app på http://localhost:5300)

Eksempel: npm run card -- test/fixtures/cards/demo-plan.json --recipient peter`;

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface Args {
  file: string;
  recipient: string | null;
  detail: CardDetail;
  lang: Lang;
  output: 'card' | 'message' | 'email';
  planUrl: string | null;
}

const usageError = (message: string): CommandResult => ({ code: 2, stdout: '', stderr: `${message}\n\n${USAGE}\n` });
const failure = (message: string): CommandResult => ({ code: 1, stdout: '', stderr: `${message}\n` });

const parseArgs = (argv: readonly string[]): Args | CommandResult => {
  const args: Args = { file: '', recipient: null, detail: 'summary', lang: 'da', output: 'card', planUrl: null };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const next = argv[i + 1];
      i++;
      return next === undefined || next.startsWith('--') ? null : next;
    };
    switch (arg) {
      case '--help':
      case '-h':
        return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
      case '--recipient': {
        const v = value();
        if (v === null) return usageError('--recipient mangler et deltager-id.');
        args.recipient = v;
        break;
      }
      case '--detail': {
        const v = value();
        if (v !== 'summary' && v !== 'full')
          return usageError(`--detail skal være summary eller full (fik ${v ?? 'intet'}).`);
        args.detail = v;
        break;
      }
      case '--lang': {
        const v = value();
        if (v !== 'da' && v !== 'en') return usageError(`--lang skal være da eller en (fik ${v ?? 'intet'}).`);
        args.lang = v;
        break;
      }
      case '--plan-url': {
        const v = value();
        if (v === null) return usageError('--plan-url mangler en adresse.');
        args.planUrl = v;
        break;
      }
      case '--message':
        args.output = 'message';
        break;
      case '--email':
        args.output = 'email';
        break;
      default:
        if (arg.startsWith('--')) return usageError(`Ukendt tilvalg: ${arg}.`);
        files.push(arg);
    }
  }
  if (files.length !== 1) {
    return usageError(files.length === 0 ? 'Angiv stien til et plandokument.' : 'Angiv kun ét plandokument.');
  }
  args.file = files[0] as string;
  return args;
};

const readText = (file: string): string | CommandResult => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return failure(
        `Filen findes ikke: ${file}\nAngiv stien til et plandokument (JSON), f.eks. test/fixtures/cards/demo-plan.json.`,
      );
    }
    if (code === 'EISDIR') return failure(`${file} er en mappe, ikke en fil. Angiv stien til et plandokument (JSON).`);
    return failure(`Filen ${file} kan ikke læses (${code ?? String(error)}). Tjek, at du har adgang til den.`);
  }
};

/** The command, without touching process: testable, and `main` below wires it to the terminal. */
export const cardCommand = (argv: readonly string[]): CommandResult => {
  const args = parseArgs(argv);
  if ('code' in args) return args;
  const text = readText(args.file);
  if (typeof text !== 'string') return text;

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return failure(
      `Filen ${args.file} er ikke gyldig JSON: ${(error as Error).message}\nRet filen, eller tag en kopi af et plandokument fra SharePoint.`,
    );
  }
  const parsed = parsePlanDocument(json);
  if (!parsed.ok) return failure(`${args.file}: ${parsed.problem.message.da}`);
  const plan = parsed.plan;
  const meeting = plan.meetings.at(-1);
  if (!meeting) return failure(`Planen ${plan.caseReference} har ingen møder, så der er intet referat at vise.`);
  if (args.recipient !== null && !plan.participants.some((p) => p.id === args.recipient)) {
    const ids = plan.participants.map((p) => p.id).join(', ');
    return failure(`Deltageren "${args.recipient}" findes ikke i planen. Brug et af disse id'er: ${ids}.`);
  }
  const planUrl =
    args.planUrl ?? `http://localhost:5300/plans.html?host=standalone&planId=${encodeURIComponent(plan.id)}`;
  const options = {
    lang: args.lang,
    detail: args.detail,
    recipientParticipantId: args.recipient,
    planUrl,
  };

  try {
    if (args.output === 'email') {
      const mail = buildMinutesEmail({ plan, meeting }, options);
      return { code: 0, stdout: `${mail.html}\n`, stderr: `Emne: ${mail.subject}\n` };
    }
    const built = buildMinutesMessage({ plan, meeting }, options);
    const note =
      `Chatbeskeden fylder ${built.bytes} bytes (grænse ${MESSAGE_LIMIT_BYTES}).` +
      (built.layout.shortened ? ' Kortet er forkortet for at holde sig under grænsen.' : '');
    const value = args.output === 'message' ? toGraphChatMessage(built.message) : built.card;
    return { code: 0, stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: `${note}\n` };
  } catch (error) {
    return failure(`Kortet kunne ikke bygges: ${(error as Error).message}`);
  }
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const result = cardCommand(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
