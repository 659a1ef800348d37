import type { Translation } from '../translation';

/**
 * The privacy guard's words on screen. The warnings themselves come from the domain (Problem.message in Danish
 * and English), so the text under a field is the same sentence the guard gives when it blocks.
 */
const da = {
  warningPrefix: 'Advarsel om personoplysninger:',
  hints: {
    caseReference:
      'Brug initialer og et løbenummer, fx KI-2026-014. Sagsreferencen står i kalenderen, i links og i chatten — aldrig borgerens navn eller CPR-nummer.',
    subject: 'Emnet ses af alle, der får invitationen: kun sagsreferencen, aldrig navn eller CPR-nummer.',
    summaryPolicy: 'Referatet sendes i Teams-chat og e-mail: skriv »borgeren« i stedet for navnet.',
  },
  blocked: {
    title: 'Ikke sendt: teksten indeholder personoplysninger',
    body: 'Ret det, der er nævnt nedenfor, og prøv igen. Intet af det, du har skrevet, er gået tabt.',
  },
} as const;

const en: Translation<typeof da> = {
  warningPrefix: 'Personal data warning:',
  hints: {
    caseReference:
      "Use initials and a serial number, e.g. KI-2026-014. The case reference appears in calendars, links and chats — never the citizen's name or CPR number.",
    subject: 'Everyone who gets the invitation sees the subject: only the case reference, never a name or CPR number.',
    summaryPolicy: 'The minutes go out in Teams chat and e-mail: write "the citizen" instead of the name.',
  },
  blocked: {
    title: 'Not sent: the text contains personal data',
    body: 'Fix what is listed below and try again. Nothing you wrote has been lost.',
  },
};

export const privacy = { da, en };
