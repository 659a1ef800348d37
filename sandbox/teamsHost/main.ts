import { parseArgs } from 'node:util';
import { createTeamsHostServer } from './server';

/**
 * `tsx sandbox/teamsHost/main.ts --port <p> --app <origin> --sandbox <origin> [--data <dir>] [--app-id <id>]`
 * Prints exactly one line, `teams host listening on https://localhost:<port>`, when ready.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5302' },
    app: { type: 'string', default: 'http://localhost:5300' },
    sandbox: { type: 'string', default: 'http://127.0.0.1:5301' },
    data: { type: 'string', default: '.teams-host' },
    'app-id': { type: 'string', default: 'tovholder-local' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be 0..65535, got '${values.port}'\n`);
  process.exit(2);
}
const server = await createTeamsHostServer({
  appOrigin: new URL(values.app).origin,
  sandboxOrigin: new URL(values.sandbox).origin,
  teamsAppId: values['app-id'],
  dataDir: values.data,
});
server.on('error', (error) => {
  process.stderr.write(`teams host could not listen: ${error.message}\n`);
  process.exit(2);
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(`teams host listening on https://localhost:${actual}\n`);
});
const shutdown = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
