import type { Translation } from '../../translation';
import type { privacy as da } from '../privacy';

// English: fetched only by a page shown in English (src/ui/i18n/i18n.ts); Danish is in ../privacy.ts.
export const privacy: Translation<typeof da> = {
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
