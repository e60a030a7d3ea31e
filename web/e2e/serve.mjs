// Starts `backstride serve` for a test, as a runner would: on a free loopback port, with
// its own data folder and a fixed today. Shared by the browser journeys (run.mjs) and the
// API's schema check (api-schema.mjs). serveClinic starts the clinic server on a database.
import { spawn } from 'node:child_process';
import path from 'node:path';

// Resolves with the server's address once it prints it, and `stop`, which fails unless
// the server exits cleanly (0, and nothing from a sanitizer in its output).
export function serve(binary, dataDir, today) {
  return start(binary, ['--db', path.join(dataDir, 'backstride.db'), '--today', today, 'serve', '--port', '0']);
}

// The clinic server on the PostgreSQL database at `connection` (a libpq connection string).
export function serveClinic(binary, connection) {
  return start(binary, ['serve', '--database', connection, '--port', '0', '--quiet']);
}

function start(binary, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 10000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = output.match(/running at (http:\/\/[^\s]+)/);
      if (match) {
        clearTimeout(timer);
        // Stopping checks the exit: a clean 0, with nothing on stderr (a sanitizer's report
        // would be there).
        const stop = () => new Promise((done, fail) => {
          child.removeAllListeners('exit');
          child.on('exit', (code) => {
            const errors = output.slice(output.indexOf('Stopped.') + 8).trim();
            if (code !== 0 || /ERROR|Sanitizer/.test(output)) fail(new Error(`serve exited with ${code}: ${errors}`));
            else done();
          });
          child.kill('SIGTERM');
        });
        resolve({ url: match[1], stop });
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}
