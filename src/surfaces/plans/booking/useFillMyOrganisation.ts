import { useEffect } from 'react';
import { sameEmail } from '../../../domain/roles/roles';
import type { SetDraft } from '../../../ui/hooks/useSessionDraft';
import { useServices } from '../../../ui/services/ServicesContext';
import type { FormDraft } from './formDraft';

/**
 * The booker is the first participant of a new plan; the directory knows their organisation (for the consent's
 * list of organisations), so it is filled in once, without overwriting anything the user typed.
 */
export const useFillMyOrganisation = (draft: FormDraft, setDraft: SetDraft<FormDraft>): void => {
  const { me, people } = useServices();
  const missing = draft.participants.some((p) => sameEmail(p.email, me.email) && p.organisation === '');
  useEffect(() => {
    if (!missing) return;
    let current = true;
    void people.me().then((outcome) => {
      if (!current || !outcome.ok || outcome.value.organisation === '') return;
      const { organisation, sector } = outcome.value;
      setDraft((d) => ({
        ...d,
        participants: d.participants.map((p) =>
          sameEmail(p.email, me.email) && p.organisation === ''
            ? // The sector too, when the directory is clear about it and none was chosen yet.
              { ...p, organisation, sector: p.sector === 'andet' && sector ? sector : p.sector }
            : p,
        ),
      }));
    });
    return () => {
      current = false;
    };
  }, [missing, people, me.email, setDraft]);
};
