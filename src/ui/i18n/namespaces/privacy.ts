/**
 * The privacy guard's words on screen. The warnings themselves come from the domain (Problem.message in Danish
 * and English), so the text under a field is the same sentence the guard gives when it blocks.
 */
export const privacy = {
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
