import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { useSessionDraft } from '../../../src/ui/hooks/useSessionDraft';

const NoteSchema = z.object({ text: z.string() });

/** A field whose text is a session draft, as the booking form and the minutes editor use it. */
const NoteField = ({ draftKey }: { draftKey: string }) => {
  const [note, setNote, draft] = useSessionDraft(draftKey, { text: '' }, NoteSchema);
  return (
    <>
      <label>
        Note
        <input value={note.text} onChange={(e) => setNote({ text: e.target.value })} />
      </label>
      {draft.restored && <p>Kladde gendannet</p>}
      <button onClick={draft.clear}>Gemt</button>
    </>
  );
};

beforeEach(() => sessionStorage.clear());

describe('useSessionDraft: nothing typed is lost on a reload', () => {
  it('restores what was typed after the page is reloaded, and says it was restored', async () => {
    const user = userEvent.setup();
    const first = render(<NoteField draftKey="minutes:plan-ki-2026-014" />);
    await user.type(screen.getByLabelText('Note'), 'Borgeren ønsker praktik');
    expect(screen.queryByText('Kladde gendannet')).toBeNull();
    first.unmount(); // the reload

    render(<NoteField draftKey="minutes:plan-ki-2026-014" />);
    expect((screen.getByLabelText('Note') as HTMLInputElement).value).toBe('Borgeren ønsker praktik');
    expect(screen.getByText('Kladde gendannet')).toBeVisible();
  });

  it('keeps one draft per key, so two plans never mix', async () => {
    const user = userEvent.setup();
    const view = render(<NoteField draftKey="minutes:plan-a" />);
    await user.type(screen.getByLabelText('Note'), 'om plan A');
    view.rerender(<NoteField draftKey="minutes:plan-b" />);
    expect((screen.getByLabelText('Note') as HTMLInputElement).value).toBe('');
    view.rerender(<NoteField draftKey="minutes:plan-a" />);
    expect((screen.getByLabelText('Note') as HTMLInputElement).value).toBe('om plan A');
  });

  it('ignores a stored draft that no longer fits (an older version of the form)', () => {
    sessionStorage.setItem('tovholder:draft:minutes:plan-old', JSON.stringify({ txt: 'gammel form' }));
    render(<NoteField draftKey="minutes:plan-old" />);
    expect((screen.getByLabelText('Note') as HTMLInputElement).value).toBe('');
    expect(screen.queryByText('Kladde gendannet')).toBeNull();
  });

  it('forgets the draft once it is saved for good', async () => {
    const user = userEvent.setup();
    const first = render(<NoteField draftKey="booking:new" />);
    await user.type(screen.getByLabelText('Note'), 'KI-2026-015');
    await user.click(screen.getByRole('button', { name: 'Gemt' }));
    first.unmount();
    render(<NoteField draftKey="booking:new" />);
    expect((screen.getByLabelText('Note') as HTMLInputElement).value).toBe('');
  });
});
