import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { registerNamespaces } from '../../src/ui/i18n/i18n';
import { everyNamespace } from '../../src/ui/i18n/resources';

// A page registers only its surface's texts (src/app/*.tsx); components under test get every namespace.
registerNamespaces(everyNamespace);

afterEach(() => cleanup());
