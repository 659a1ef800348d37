/**
 * The typing floor: one bare, controlled Fluent Input in the provider (state in React, as the editor keeps it).
 * Typing into it is the baseline for the minutes editor's render time per keystroke.
 */
import { FluentProvider, Input, webLightTheme } from '@fluentui/react-components';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';

const Floor = () => {
  const [value, setValue] = useState('');
  return (
    <main style={{ padding: 16 }}>
      <Input aria-label="Tekst" value={value} onChange={(_, data) => setValue(data.value)} />
    </main>
  );
};

const root = document.getElementById('root');
if (!root) throw new Error('no #root');

createRoot(root).render(
  <FluentProvider theme={webLightTheme}>
    <Floor />
  </FluentProvider>,
);
