import { parseArgs } from 'node:util';
import { seed } from './seed';
import { createSandboxServer } from './server';
import { Store } from './store';

/**
 * `npm run sandbox -- --port <p> --data <dir> [--reset] [--latency-ms <n>]`
 * Prints exactly one line, `sandbox listening on http://127.0.0.1:<port>`, when ready.
 */

const usage = 'usage: npm run sandbox -- --port <p> --data <dir> [--reset] [--latency-ms <n>]';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
};

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5301' },
    data: { type: 'string', default: '.sandbox-data' },
    reset: { type: 'boolean', default: false },
    'latency-ms': { type: 'string', default: '0' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got '${values.port}'`);
const latencyMs = Number(values['latency-ms']);
if (!Number.isFinite(latencyMs) || latencyMs < 0)
  fail(`--latency-ms must be a number ≥ 0, got '${values['latency-ms']}'`);

let store: Store;
try {
  store = Store.open(values.data, values.reset, (state) => seed(state));
} catch (error) {
  process.stderr.write(`sandbox: ${(error as Error).message}\n`);
  process.exit(2);
}
if (store.migratedFrom !== null) {
  process.stderr.write(`sandbox: migrated ${values.data}/state.json from state version ${store.migratedFrom}\n`);
}
const { server } = createSandboxServer({ store, latencyMs });

server.on('error', (error) => fail(`sandbox could not listen: ${error.message}`));
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`sandbox listening on http://127.0.0.1:${actual}\n`);
});

const shutdown = (): void => {
  store.flush();
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
