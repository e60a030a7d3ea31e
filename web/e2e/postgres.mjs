// A throwaway PostgreSQL for a browser journey, as the C++ tests start theirs
// (tests/test_support/pg_cluster.cc): Debian's server programs, a cluster in a temporary
// folder, reached only through a unix socket there (no TCP port), stopped and deleted at
// the end. PostgreSQL refuses to run as root: under root the programs run as the Debian
// package's `postgres` user, which owns the folder.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const debianServers = '/usr/lib/postgresql';

// The bin folder of the newest server installed ("/usr/lib/postgresql/15/bin"), or null.
function serverPrograms() {
  if (!existsSync(debianServers)) return null;
  const versions = readdirSync(debianServers)
    .filter((v) => /^\d+$/.test(v) && existsSync(path.join(debianServers, v, 'bin', 'initdb'))
      && existsSync(path.join(debianServers, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(debianServers, versions[0], 'bin') : null;
}

const quoted = (text) => `'${text.replaceAll("'", "'\\''")}'`;

// Starts the cluster. Resolves with { connection, stop } (a libpq connection string), or
// null when no PostgreSQL server is installed; fails with the server's own words otherwise.
export async function startPostgres() {
  const bin = serverPrograms();
  if (!bin) return null;
  const asServerUser = [];
  let owner = null;
  if (process.getuid() === 0) {
    const id = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    owner = { uid: id('-u'), gid: id('-g') };
    if (!Number.isInteger(owner.uid) || owner.uid <= 0) return null;  // no postgres user: not installed
    asServerUser.push('runuser', '-u', 'postgres', '--');
  }
  // Short: a unix socket's path must fit in 107 bytes.
  const folder = mkdtempSync(path.join(tmpdir(), 'backstride-pg-'));
  const data = path.join(folder, 'data');
  const pgCtl = path.join(bin, 'pg_ctl');
  // A watcher in a session of its own stops the server and deletes the folder when this
  // process ends, however it ends (a failed step, Ctrl+C, a test's timeout): it waits for
  // its stdin, a pipe from here, to close.
  const stopCommand = `${asServerUser.join(' ')} ${quoted(pgCtl)} -D ${quoted(data)} -m immediate -s stop`;
  const watcher = spawn('/bin/sh', ['-c',
    `cat >/dev/null; if [ -f ${quoted(path.join(data, 'postmaster.pid'))} ]; then ${stopCommand}; fi; rm -rf -- ${quoted(folder)}`],
  { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  const watcherGone = new Promise((resolve) => watcher.on('exit', resolve));
  const stop = async () => {
    watcher.stdin.end();
    await watcherGone;
  };

  const run = (args, log) => {
    const ran = spawnSync(args[0], args.slice(1), { encoding: 'utf8' });
    if (ran.status !== 0) {
      const tail = log && existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`${args.join(' ')} failed (${ran.status}): ${ran.stderr}${ran.stdout}${tail}`);
    }
  };
  try {
    if (owner) chownSync(folder, owner.uid, owner.gid);
    run([...asServerUser, path.join(bin, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync',
      '-E', 'UTF8', '--locale=C']);
    appendFileSync(data.concat('/postgresql.conf'), [
      '', '# A throwaway cluster for a backstride browser journey.',
      "listen_addresses = ''", `unix_socket_directories = '${folder}'`, 'port = 5432',
      'fsync = off', 'full_page_writes = off', 'synchronous_commit = off', ''].join('\n'));
    const log = path.join(folder, 'server.log');
    run([...asServerUser, pgCtl, '-D', data, '-w', '-s', '-l', log, 'start'], log);
  } catch (error) {
    await stop();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return { connection: `host=${folder} port=5432 user=postgres dbname=postgres`, stop };
}
