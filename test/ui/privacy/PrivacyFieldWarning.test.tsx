import { Field, FluentProvider, Input, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nProvider } from '../../../src/ui/i18n/useTranslation';
import { describe, expect, it } from 'vitest';
import type { TenantPolicy } from '../../../src/domain/policy';
import type { FieldKind } from '../../../src/domain/privacy/fieldLabels';
import { createI18n, type UiLang } from '../../../src/ui/i18n/i18n';
import { PrivacyFieldWarning } from '../../../src/ui/privacy/PrivacyFieldWarning';
import { usePrivacyWarning } from '../../../src/ui/privacy/usePrivacyWarning';
import { demoPlan } from '../../support/builders';

const plan = demoPlan();

const GuardedField = ({ kind, policy }: { kind: FieldKind; policy: TenantPolicy }) => {
  const [text, setText] = useState('');
  const { problems, warningId } = usePrivacyWarning({ text, kind, source: plan, policy });
  return (
    <Field label="Felt">
      <Input value={text} onChange={(_, d) => setText(d.value)} aria-describedby={warningId} />
      <PrivacyFieldWarning id={warningId} problems={problems} />
    </Field>
  );
};

const renderField = (kind: FieldKind, cardDetail: TenantPolicy['cardDetail'] = 'summary', lang: UiLang = 'da') =>
  render(
    <I18nProvider i18n={createI18n(lang)}>
      <FluentProvider theme={webLightTheme}>
        <GuardedField kind={kind} policy={{ cardDetail, pinTab: true }} />
      </FluentProvider>
    </I18nProvider>,
  );

describe('the privacy warning under a field', () => {
  it('warns as the user types a CPR number into the case reference, and the field points at the warning', async () => {
    renderField('caseReference');
    const input = screen.getByRole('textbox', { name: 'Felt' });
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    await userEvent.type(input, '010190-1234');
    expect(status.textContent).toContain(
      'Sagsreferencen indeholder et CPR-nummer — brug initialer og et løbenummer, fx KI-2026-014.',
    );
    expect(input.getAttribute('aria-describedby')).toBe(status.id);
    expect(status.getAttribute('aria-live')).toBe('polite');
  });

  it('clears the warning once the text is fixed, keeping what was typed', async () => {
    renderField('subject');
    const input = screen.getByRole('textbox', { name: 'Felt' });
    await userEvent.type(input, 'Møde om Holm');
    expect(screen.getByRole('status').textContent).toContain('Emnefeltet indeholder borgerens navn');
    await userEvent.clear(input);
    await userEvent.type(input, 'Møde KI-2026-014');
    expect(screen.getByRole('status').textContent).toBe('');
    expect((input as HTMLInputElement).value).toBe('Møde KI-2026-014');
  });

  it('warns about the name in an effort under the summary policy, but not under full', async () => {
    renderField('effort', 'summary');
    await userEvent.type(screen.getByRole('textbox'), 'Jens tager bad');
    expect(screen.getByRole('status').textContent).toContain('skriv »borgeren« i stedet for navnet');
  });

  it('lets the name stand in an effort under the full policy', async () => {
    renderField('effort', 'full');
    await userEvent.type(screen.getByRole('textbox'), 'Jens tager bad');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('speaks English when the interface does', async () => {
    renderField('caseReference', 'summary', 'en');
    await userEvent.type(screen.getByRole('textbox'), 'Jens');
    expect(screen.getByRole('status').textContent).toContain(
      "Personal data warning: The case reference contains the citizen's name",
    );
  });
});
