import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { registerNamespaces } from '../../src/ui/i18n/i18n';
import { resources } from '../../src/ui/i18n/resources';
import './domMatchers';

// A page registers only its surface's Danish texts (src/app/*.tsx); components under test get every namespace in
// both languages.
registerNamespaces(resources.da);
registerNamespaces(resources.en, 'en');

afterEach(() => cleanup());
