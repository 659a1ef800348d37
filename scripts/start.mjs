// `npm start`: the local sandbox and the app's dev server together, one line with the URL to open, Ctrl-C stops both.
// Ports: TOVHOLDER_PORT (app, default 5300), SANDBOX_PORT (sandbox, default 5301) and TEAMS_HOST_PORT (the local Teams
// host, HTTPS, default 5302). Data: .sandbox-data/ (the sandbox seeds the demo tenant when the folder is empty;
// `npm run sandbox -- --reset` starts over) and .teams-host/ (the host's certificate and the users' consent).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appPort = Number(process.env.TOVHOLDER_PORT ?? 5300);
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 5301);
const hostPort = Number(process.env.TEAMS_HOST_PORT ?? 5302);
const dataDir = process.env.SANDBOX_DATA ?? '.sandbox-data';

for (const [name, port] of [
  ['TOVHOLDER_PORT', appPort],
  ['SANDBOX_PORT', sandboxPort],
  ['TEAMS_HOST_PORT', hostPort],
]) {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`${name} skal være et portnummer (1–65535), ikke "${process.env[name]}".`);
    process.exit(2);
  }
}

const children = [];
let stopping = false;

const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  // Give them a moment to flush (the sandbox writes its state), then leave.
  setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    process.exit(code);
  }, 3000).unref();
  Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.on('exit', r)) : null))).then(
    () => process.exit(code),
  );
};

/** Starts a child, keeps its output (shown only if it fails), resolves when `ready` matches a line. */
const startChild = (name, command, args, env, ready) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    let isReady = false;
    const onData = (chunk) => {
      const text = chunk.toString();
      if (isReady) {
        // After start-up only errors are worth the terminal: compile errors, a crashed sandbox.
        if (/error/i.test(text)) process.stderr.write(`[${name}] ${text}`);
        return;
      }
      output += text;
      if (ready.test(output)) {
        isReady = true;
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      if (!isReady) reject(new Error(`${name} stoppede under opstart (kode ${code}):\n${output}`));
      else if (!stopping) {
        console.error(`${name} stoppede uventet (kode ${code}). Stopper alt.`);
        stop(1);
      }
    });
  });

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  const sandboxOrigin = `http://127.0.0.1:${sandboxPort}`;
  const appOrigin = `http://localhost:${appPort}`;
  const hostOrigin = `https://localhost:${hostPort}`;
  await Promise.all([
    startChild(
      'sandbox',
      process.execPath,
      ['--import', 'tsx', 'sandbox/main.ts', '--port', String(sandboxPort), '--data', dataDir],
      {},
      /sandbox listening on http:\/\/127\.0\.0\.1:\d+/,
    ),
    startChild(
      'app',
      process.execPath,
      [join(root, 'node_modules/webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'],
      {
        TOVHOLDER_PORT: String(appPort),
        SANDBOX_PORT: String(sandboxPort),
        TOVHOLDER_SANDBOX_ORIGIN: sandboxOrigin,
        TOVHOLDER_TEAMS_HOST_ORIGIN: hostOrigin,
      },
      /compiled\b/,
    ),
    // The local Teams host (sandbox/teamsHost/): the pages framed as Teams frames them, real teams-js and MSAL.
    startChild(
      'teams-host',
      process.execPath,
      [
        '--import',
        'tsx',
        'sandbox/teamsHost/main.ts',
        '--port',
        String(hostPort),
        '--app',
        appOrigin,
        '--sandbox',
        sandboxOrigin,
        '--data',
        process.env.TEAMS_HOST_DATA ?? '.teams-host',
      ],
      {},
      /teams host listening on https:\/\/localhost:\d+/,
    ),
  ]);
  console.log(
    `Tovholder kører lokalt, åbn som i Teams: ${hostOrigin}/  (godkend certifikatet første gang)\n` +
      `  siderne uden Teams: ${appOrigin}/ · sandkasse: ${sandboxOrigin}/_sandbox/ · stop med Ctrl-C`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  stop(1);
}
