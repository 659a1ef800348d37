/**
 * The floor: the least a page of ours can be — React and Fluent UI's provider, one button and one text. Built
 * with the app's own webpack configuration, it is what the benchmark compares each surface with.
 */
import { Button, FluentProvider, Text, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (!root) throw new Error('no #root');

createRoot(root).render(
  <FluentProvider theme={webLightTheme}>
    <main style={{ padding: 16, display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Text>Tovholder</Text>
      <div>
        <Button appearance="primary">Næste punkt</Button>
      </div>
    </main>
  </FluentProvider>,
);
