#!/usr/bin/env python3
"""The clinic server under load (issue 15): one and two `backstride serve --database`
processes against one PostgreSQL, on this machine's loopback, with pgbench beside them as
the yardstick of what the database itself does here.

Usage: bench/clinic_load.py [--duration 15] [--connections 16] [--runners 1000] ...
       (make bench runs it; build/release/src/cli/backstride must be built)

What it does, all in a temporary folder that goes at the end (also on Ctrl+C, and a
watcher process stops the database even when this script is killed):
  1. starts a throwaway PostgreSQL (Debian's server programs, a unix socket in the folder,
     fsync and synchronous_commit on as a real server has them);
  2. pgbench on a database of its own: select-only and TPC-B-like read-write, 8 clients,
     and select-only with a new connection for each transaction (what one connection per
     request costs);
  3. seeds a clinic: a template runner and therapist made through the server's own API
     (clinic create, a setup link, an invitation, an assessment, a run and a check-in),
     then, in SQL (bench/clinic_seed.sql), 1,000 runners with years of runs and check-ins,
     20 therapists with 50 clients each, and a session for everyone;
  4. wrk (bench/clinic_load.lua) with a fixed number of connections for a fixed time: the
     mix of a runner's Today, plan and log writes and a therapist's client list, then each
     kind alone; at one server process, then at two (one wrk per process, at once, summed);
  5. prints requests a second, latencies, peak RSS per server process, log writes a second
     against pgbench's read-write rate, and says which of the issue's targets are missed.

Latencies: "client" figures are wrk's (connect to response, every request of the run);
per-kind figures of the mix come from the server's request log (the time it spends on a
request, without the wait on the socket), and per-kind client figures from each kind run
alone. With two processes, each wrk measures its own process; the client p50 shown is the
mean of theirs and the p99 the larger.
"""
import argparse
import contextlib
import ctypes
import hashlib
import http.client
import json
import os
import pathlib
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DEFAULT_BINARY = ROOT / "build" / "release" / "src" / "cli" / "backstride"
TEMPLATE_ANSWERS = ROOT / "tests" / "vignettes" / "seasoned-first-time.json"
PASSWORD = "load test password, long enough"
KINDS = ("today", "plan", "log", "clients")
# The server's request log line for each kind (RouteForLog): "GET /api/today 200 3.1 ms".
KIND_ROUTES = {"today": ("GET", "/api/today"), "plan": ("GET", "/api/plan"),
               "log": ("POST", "/api/log"), "clients": ("GET", "/api/clinic/clients")}

# The targets on this 2-core machine.
TARGET_MIX_RPS = 1000
TARGET_MIX_P99_MS = 100
TARGET_LOG_P99_MS = 20
TARGET_LOG_SHARE_OF_PGBENCH = 0.25


class Failure(Exception):
    """Something the run cannot go on without; main prints it and exits 1."""


def die_with_parent():
    """In a child before exec: SIGTERM when this script dies, however it dies."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    PR_SET_PDEATHSIG = 1
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def run(command, **kwargs):
    """Runs command; on failure raises Failure quoting the end of its output."""
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()[-1500:]
        raise Failure(f"{' '.join(map(str, command))} failed ({result.returncode}):\n{output}")
    return result.stdout


# ---------------------------------------------------------------------------- PostgreSQL

def server_programs():
    """The bin folder of the newest PostgreSQL server Debian installed."""
    found = []
    for path in pathlib.Path("/usr/lib/postgresql").glob("*/bin"):
        if (path / "initdb").exists() and (path / "pg_ctl").exists() and path.parent.name.isdigit():
            found.append((int(path.parent.name), path))
    if not found:
        raise Failure("no PostgreSQL server (initdb, pg_ctl under /usr/lib/postgresql/*/bin): "
                      "install Debian's postgresql package (bench/setup.sh does)")
    return max(found)[1]


class Cluster:
    """A throwaway PostgreSQL in `folder`, reached by a unix socket there.

    Under root the server programs run as `postgres` (PostgreSQL refuses root), which then
    owns the folder. A watcher in a session of its own holds a pipe from this process;
    when the pipe closes, because this process ended in any way, it stops the server and
    removes the folder.
    """

    PORT = 5432  # only names the socket file; no TCP port is opened

    def __init__(self, folder, settings):
        self.folder = pathlib.Path(folder)
        self.data = self.folder / "data"
        self.bin = server_programs()
        self.as_server = []
        if os.geteuid() == 0:
            self.as_server = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.folder, "postgres", "postgres")
        pg_ctl = self.bin / "pg_ctl"
        stop = " ".join(self.as_server + [str(pg_ctl), "-D", str(self.data), "-m", "immediate",
                                          "-s", "stop"])
        script = (f"cat >/dev/null; if [ -f '{self.data}/postmaster.pid' ]; then {stop}; fi; "
                  f"rm -rf -- '{self.folder}'")
        self.watcher = subprocess.Popen(["/bin/sh", "-c", script], stdin=subprocess.PIPE,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True)
        run(self.as_server + [str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust",
                              "-U", "postgres", "-E", "UTF8", "--locale=C"])
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write("\n# The load test's server.\n"
                       "listen_addresses = ''\n"
                       f"unix_socket_directories = '{self.folder}'\n"
                       f"port = {self.PORT}\n")
            for name, value in settings.items():
                conf.write(f"{name} = {value}\n")
        run(self.as_server + [str(pg_ctl), "-D", str(self.data), "-w", "-s", "-l",
                              str(self.folder / "server.log"), "start"])

    def url(self, database):
        return f"host={self.folder} port={self.PORT} user=postgres dbname={database}"

    def client_args(self, database):
        return ["-h", str(self.folder), "-p", str(self.PORT), "-U", "postgres", "-d", database]

    def psql(self, database, sql, **kwargs):
        return run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                    *self.client_args(database), "-c", sql], **kwargs)

    def stop(self):
        if self.watcher.poll() is None:
            if (self.data / "postmaster.pid").exists():
                subprocess.run(self.as_server + [str(self.bin / "pg_ctl"), "-D", str(self.data),
                                                 "-m", "fast", "-s", "stop"],
                               capture_output=True)
            self.watcher.stdin.close()
            self.watcher.wait()


def pgbench(cluster, clients, seconds, scale):
    """tps of pgbench select-only and read-write (TPC-B-like) on a database of its own."""
    cluster.psql("postgres", "CREATE DATABASE pgbench")
    args = cluster.client_args("pgbench")
    run(["pgbench", "-i", "-q", "-s", str(scale), *args])
    figures = {}
    # The third: select-only over a new connection for each transaction, what a server
    # that connects for each request gets at most.
    for name, extra in (("select-only", ["-S"]), ("read-write", []),
                        ("select-only, connecting each time", ["-S", "-C"])):
        out = run(["pgbench", *extra, "-c", str(clients), "-j", str(min(clients, 2)),
                   "-T", str(seconds), *args])
        match = re.search(r"tps = ([\d.]+) \((?:without initial connection time|including "
                          r"reconnection times)\)", out)
        if not match:
            raise Failure(f"pgbench printed no tps:\n{out[-800:]}")
        figures[name] = float(match.group(1))
    return figures


# ---------------------------------------------------------------------------- the server

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One `backstride serve --database` process; its request log goes to a file."""

    def __init__(self, binary, database, folder, threads, name):
        self.port = free_port()
        self.log_path = pathlib.Path(folder) / f"{name}.log"
        self.log = open(self.log_path, "w")
        command = [str(binary), "serve", "--database", database, "--port", str(self.port)]
        if threads:
            command += ["--threads", str(threads)]
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT,
                                        preexec_fn=die_with_parent)
        deadline = time.monotonic() + 30
        while "Press Ctrl+C" not in self.log_path.read_text():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise Failure(f"the server did not start:\n{self.log_path.read_text()[-1500:]}")
            time.sleep(0.05)

    def log_offset(self):
        self.log.flush()
        return self.log_path.stat().st_size

    def log_lines(self, start, end):
        with open(self.log_path, "rb") as f:
            f.seek(start)
            return f.read(end - start).decode(errors="replace").splitlines()

    def peak_rss_mib(self):
        status = pathlib.Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


class Http:
    """A signed-in browser, for making the template through the API."""

    def __init__(self, port):
        self.port = port
        self.cookie = ""
        self.csrf = ""

    def call(self, method, path, body=None, expect=200):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookie:
            headers["Cookie"] = f"backstride_session={self.cookie}"
        if self.csrf:
            headers["X-CSRF-Token"] = self.csrf
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        connection.close()
        if response.status != expect:
            raise Failure(f"{method} {path}: {response.status} (expected {expect}): {text[:500]}")
        cookie = re.search(r"backstride_session=([^;]*)", response.getheader("Set-Cookie") or "")
        if cookie and cookie.group(1):
            self.cookie = cookie.group(1)
        return json.loads(text) if text else None

    def use_link(self, token, **fields):
        session = self.call("POST", "/api/auth/use-link", {"token": token, "password": PASSWORD,
                                                           **fields})
        self.csrf = session["csrf_token"]
        return session


def token_digest(token):
    """The session's key in `sessions`: BLAKE2b-256 of the token's bytes, unkeyed, in hex,
    as app/credentials.cc's TokenDigest (libsodium's crypto_generichash)."""
    return hashlib.blake2b(token.encode(), digest_size=32).hexdigest()


def new_token():
    """43 characters of base64url: 32 random bytes, as app/credentials.cc's MakeToken."""
    token = secrets.token_urlsafe(32)
    assert len(token) == 43
    return token


# ---------------------------------------------------------------------------- seeding

LOG_COLUMNS = ("date", "kind", "distance_m", "duration_s", "pain", "pain_before", "onset_m",
               "onset_s", "done", "helped", "run_id", "note", "created_at", "source",
               "deleted_at", "reps_in_reserve")


def log_rows(cluster, where):
    sql = (f"SELECT json_agg(l) FROM (SELECT DISTINCT ON (kind) {', '.join(LOG_COLUMNS)} "
           f"FROM log WHERE {where} ORDER BY kind, id) l")
    return {row["kind"]: row for row in json.loads(cluster.psql("clinic", sql) or "[]")}


def set_columns(row):
    return sorted(name for name, value in row.items() if value is not None)


def seed(cluster, binary, folder, args):
    """Makes the clinic; returns the path of wrk's sessions file and a seeded runner's
    session, for the checks."""
    database = cluster.url("clinic")
    cluster.psql("postgres", "CREATE DATABASE clinic")
    started = time.monotonic()

    # The template, made by the server itself.
    out = run([str(binary), "clinic", "create", "--database", database, "--name",
               "Load test clinic", "--email", "therapist1@clinic.test", "--therapist-name",
               "Therapist 1"])
    setup_link = re.search(r"#/welcome/([A-Za-z0-9_-]{43})", out)
    if not setup_link:
        raise Failure(f"clinic create printed no link:\n{out}")
    server = Server(binary, database, folder, None, "template-server")
    try:
        therapist = Http(server.port)
        therapist.use_link(setup_link.group(1))
        # The cookie the server set is found under Python's digest of it: the digests the
        # seed writes are the ones the server looks up.
        found = cluster.psql("clinic", "SELECT count(*) FROM sessions WHERE digest = "
                                       f"'{token_digest(therapist.cookie)}'").strip()
        if found != "1":
            raise Failure("BLAKE2b-256 of the session cookie in Python does not match the "
                          "server's session digest (app/credentials.cc)")
        invitation = therapist.call("POST", "/api/clinic/invitations",
                                    {"email": "runner1@clinic.test", "name": "Runner 1"})
        runner = Http(server.port)
        runner.use_link(invitation["token"], email="runner1@clinic.test", name="Runner 1")
        answers = json.loads(TEMPLATE_ANSWERS.read_text())["answers"]
        assessed = runner.call("POST", "/api/assessment", answers)
        if not assessed.get("stored") or not assessed.get("plan_id"):
            raise Failure(f"the template's assessment started no plan: {assessed}")
        runner.call("POST", "/api/log", {"kind": "run", "distance": "5", "time": "31:00",
                                         "pain": 2})
        runner.call("POST", "/api/log", {"kind": "checkin", "pain": 1})
    finally:
        server.stop()
    ids = cluster.psql("clinic", "SELECT (SELECT id FROM accounts WHERE email = "
                                 "'runner1@clinic.test') || ' ' || (SELECT id FROM accounts "
                                 "WHERE email = 'therapist1@clinic.test')").split()
    template_rows = log_rows(cluster, "runner_id = (SELECT runner_id FROM accounts WHERE "
                                      "email = 'runner1@clinic.test')")

    # Everyone else, in SQL, with a session each.
    sessions_file = pathlib.Path(folder) / "sessions.tsv"
    seed_sessions = []
    with open(sessions_file, "w") as wrk_sessions:
        people = [("runner", n) for n in range(1, args.runners + 1)] + \
                 [("therapist", n) for n in range(1, args.therapists + 1)]
        for role, n in people:
            token, csrf = new_token(), new_token()
            seed_sessions.append(f"{role}{n}@clinic.test\t{token_digest(token)}\t{csrf}")
            wrk_sessions.write(f"{role}\t{token}\t{csrf}\n")
            if (role, n) == ("runner", args.runners // 2):
                probe = (token, csrf)
    variables = {"template_account": ids[0], "template_therapist": ids[1],
                 "runners": args.runners, "therapists": args.therapists,
                 "clients_per_therapist": args.clients_per_therapist,
                 "history_days": round(args.years * 365.25),
                 "plan_days_ago": args.plan_weeks_ago * 7}
    command = ["psql", "-X", "-q", *cluster.client_args("clinic"), "-f",
               str(BENCH / "clinic_seed.sql")]
    for name, value in variables.items():
        command += ["-v", f"{name}={value}"]
    run(command, input="\n".join(seed_sessions) + "\n")

    counts = cluster.psql("clinic", "SELECT (SELECT count(*) FROM accounts WHERE role = "
                                    "'runner') || ' ' || (SELECT count(*) FROM accounts WHERE "
                                    "role = 'therapist') || ' ' || (SELECT count(*) FROM log) "
                                    "|| ' ' || (SELECT count(*) FROM sessions) || ' ' || "
                                    "pg_size_pretty(pg_database_size('clinic'))").split(" ", 4)
    seeded_rows = log_rows(cluster, f"runner_id = (SELECT runner_id FROM accounts WHERE email "
                                    f"= 'runner{args.runners // 2}@clinic.test')")
    for kind, template in template_rows.items():
        if kind not in seeded_rows or set_columns(seeded_rows[kind]) != set_columns(template):
            raise Failure(f"a seeded {kind} does not have the columns the app sets:\n"
                          f"  app's:    {template}\n  seeded: {seeded_rows.get(kind)}")
    print(f"Seeded in {time.monotonic() - started:.0f} s: {counts[0]} runners, {counts[1]} "
          f"therapists, {int(counts[2]):,} log entries, {counts[3]} sessions; database "
          f"{counts[4]}")
    return sessions_file, probe


def check_seeded_runner(port, probe):
    """A seeded runner's Today, plan and log answer as the app's own do."""
    runner = Http(port)
    runner.cookie, runner.csrf = probe
    today = runner.call("GET", "/api/today")
    plan = runner.call("GET", "/api/plan")
    log = runner.call("GET", "/api/log")
    entries = log if isinstance(log, list) else log.get("entries", [])
    if "sessions" not in today or not plan.get("weeks") or len(entries) < 100:
        raise Failure("a seeded runner's Today, plan or log looks wrong: "
                      f"today {str(today)[:200]} plan {str(plan)[:200]} log {len(entries)}")
    print(f"A seeded runner: Today, plan and log answer 200 (plan of {plan['weeks']} weeks "
          f"from {plan['start']}, {len(entries):,} log entries).")


# ---------------------------------------------------------------------------- load

def wrk(port, connections, seconds, sessions_file, mix):
    return subprocess.Popen(
        ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
         "-s", str(BENCH / "clinic_load.lua"), f"http://127.0.0.1:{port}", "--",
         str(sessions_file), mix],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=die_with_parent)


def wrk_result(process):
    out, err = process.communicate()
    match = re.search(r"^CLINIC_LOAD (\{.*\})$", out, re.M)
    if process.returncode != 0 or not match:
        raise Failure(f"wrk failed ({process.returncode}):\n{(out + err)[-1500:]}")
    return json.loads(match.group(1))


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def server_latencies(lines):
    """{kind: (count, p50 ms, p99 ms, statuses)} from the servers' request log lines."""
    by_kind = {kind: ([], {}) for kind in KINDS}
    routes = {route: kind for kind, route in KIND_ROUTES.items()}
    for line in lines:
        match = re.match(r"^(\w+) (\S+) (\d+) ([\d.]+) ms$", line)
        if not match or (match.group(1), match.group(2)) not in routes:
            continue
        times, statuses = by_kind[routes[(match.group(1), match.group(2))]]
        times.append(float(match.group(4)))
        statuses[match.group(3)] = statuses.get(match.group(3), 0) + 1
    return {kind: (len(times), percentile(times, 50), percentile(times, 99), statuses)
            for kind, (times, statuses) in by_kind.items()}


def load_run(servers, connections, seconds, sessions_file, mix):
    """wrk on every server at once; the summed result and the servers' log lines."""
    offsets = [server.log_offset() for server in servers]
    each = max(1, connections // len(servers))
    processes = [wrk(server.port, each, seconds, sessions_file, mix) for server in servers]
    results = [wrk_result(process) for process in processes]
    lines = []
    for server, offset in zip(servers, offsets):
        lines += server.log_lines(offset, server.log_offset())
    seconds_run = max(r["duration_us"] for r in results) / 1e6
    errors = {}
    for r in results:
        for name, count in r["errors"].items():
            errors[name] = errors.get(name, 0) + count
    return {
        "rps": sum(r["requests"] / (r["duration_us"] / 1e6) for r in results),
        "requests": sum(r["requests"] for r in results),
        "seconds": seconds_run,
        "p50_ms": sum(r["p50_us"] for r in results) / len(results) / 1000,
        "p99_ms": max(r["p99_us"] for r in results) / 1000,
        "errors": errors,
        "refused": sum(r["refused"] for r in results),
        "first_refusal": next((r["first_refusal"] for r in results if r["first_refusal"]), ""),
        "server": server_latencies(lines),
    }


def describe_problems(result):
    problems = []
    if result["refused"]:
        problems.append(f"{result['refused']} answers >= 400 (first: {result['first_refusal']})")
    errors = {k: v for k, v in result["errors"].items() if v and k != "status"}
    if errors:
        problems.append(f"socket errors {errors}")
    return problems


def measure(processes, binary, database, folder, args, sessions_file):
    servers = [Server(binary, database, folder, args.server_threads, f"server-{processes}-{i}")
               for i in range(processes)]
    try:
        load_run(servers, args.connections, args.warmup, sessions_file, args.mix)
        figures = {"mix": load_run(servers, args.connections, args.duration, sessions_file,
                                   args.mix)}
        for kind in KINDS:
            figures[kind] = load_run(servers, args.connections, args.kind_duration,
                                     sessions_file, f"{kind}=1")
        figures["rss_mib"] = [server.peak_rss_mib() for server in servers]
        return figures
    finally:
        for server in servers:
            server.stop()


# ---------------------------------------------------------------------------- report

def ms(value):
    return "-" if value is None else f"{value:.1f}"


def report(setups, bench, args):
    print()
    print(f"pgbench, {args.pgbench_clients} clients, {args.pgbench_seconds} s each: "
          f"select-only {bench['select-only']:,.0f} tx/s, read-write (TPC-B-like) "
          f"{bench['read-write']:,.0f} tx/s; select-only with a new connection for each "
          f"transaction (-C) {bench['select-only, connecting each time']:,.0f} tx/s")
    print()
    mix_weights = dict(re.findall(r"(\w+)=(\d+)", args.mix))
    print(f"wrk: {args.connections} connections in all, the mix ({args.mix}) for "
          f"{args.duration} s, then each kind alone for {args.kind_duration} s.")
    header = ("| servers | what | req/s | client p50 ms | client p99 ms | server p50 ms "
              "| server p99 ms | answers |")
    print(header)
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    missed = []
    for processes, figures in setups.items():
        mix = figures["mix"]
        rows = [("mix, all kinds", mix, None)]
        for kind in KINDS:
            if int(mix_weights.get(kind, 0)):
                count = mix["server"][kind][0]
                rows.append((f"mix: {kind} ({count / mix['seconds']:,.0f}/s)", None,
                             mix["server"][kind]))
        for kind in KINDS:
            rows.append((f"{kind} alone", figures[kind], figures[kind]["server"][kind]))
        for what, client, server in rows:
            statuses = ""
            if server:
                statuses = ", ".join(f"{s}: {n}" for s, n in sorted(server[3].items()))
            elif client:
                all_statuses = {}
                for _, _, _, by_status in client["server"].values():
                    for s, n in by_status.items():
                        all_statuses[s] = all_statuses.get(s, 0) + n
                statuses = ", ".join(f"{s}: {n}" for s, n in sorted(all_statuses.items()))
            print(f"| {processes} | {what} | "
                  f"{'-' if client is None else format(client['rps'], ',.0f')} | "
                  f"{'-' if client is None else ms(client['p50_ms'])} | "
                  f"{'-' if client is None else ms(client['p99_ms'])} | "
                  f"{ms(server[1]) if server else '-'} | {ms(server[2]) if server else '-'} | "
                  f"{statuses} |")
            if client:
                for problem in describe_problems(client):
                    missed.append(f"{processes} server(s), {what}: {problem}")
    print()
    print("| servers | peak RSS per process MiB | mix req/s | mix p99 ms | log writes/s in the mix "
          "| log writes/s alone | of pgbench read-write | log write p99 ms (alone, client) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for processes, figures in setups.items():
        mix = figures["mix"]
        writes_mix = mix["server"]["log"][0] / mix["seconds"]
        writes_alone = figures["log"]["rps"]
        share = writes_alone / bench["read-write"]
        print(f"| {processes} | {' / '.join(f'{r:.0f}' for r in figures['rss_mib'])} | "
              f"{mix['rps']:,.0f} | {mix['p99_ms']:.1f} | {writes_mix:,.0f} | "
              f"{writes_alone:,.0f} | {share:.0%} | {figures['log']['p99_ms']:.1f} |")
        if mix["rps"] < TARGET_MIX_RPS:
            missed.append(f"{processes} server(s): the mix runs at {mix['rps']:,.0f} req/s, "
                          f"under the target of {TARGET_MIX_RPS:,}")
        if mix["p99_ms"] >= TARGET_MIX_P99_MS:
            missed.append(f"{processes} server(s): the mix's p99 is {mix['p99_ms']:.0f} ms, "
                          f"over the target of {TARGET_MIX_P99_MS} ms")
        if share < TARGET_LOG_SHARE_OF_PGBENCH:
            missed.append(f"{processes} server(s): log writes run at {writes_alone:,.0f}/s, "
                          f"{share:.0%} of pgbench's read-write rate, under the target of "
                          f"{TARGET_LOG_SHARE_OF_PGBENCH:.0%}")
        if figures["log"]["p99_ms"] >= TARGET_LOG_P99_MS:
            missed.append(f"{processes} server(s): a log write's p99 is "
                          f"{figures['log']['p99_ms']:.0f} ms, over the target of "
                          f"{TARGET_LOG_P99_MS} ms")
    print()
    if missed:
        print("Targets missed (issue 15):")
        for line in missed:
            print(f"  - {line}")
    else:
        print("Every target of issue 15 is met.")
    return not missed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", type=pathlib.Path, default=DEFAULT_BINARY)
    parser.add_argument("--runners", type=int, default=1000)
    parser.add_argument("--therapists", type=int, default=20)
    parser.add_argument("--clients-per-therapist", type=int, default=50)
    parser.add_argument("--years", type=float, default=5, help="of runs and check-ins each")
    parser.add_argument("--plan-weeks-ago", type=int, default=8,
                        help="when the runners' current plan started (the log goes back "
                             "--years before today either way)")
    parser.add_argument("--duration", type=int, default=15, help="seconds of the mix")
    parser.add_argument("--kind-duration", type=int, default=8,
                        help="seconds of each request kind alone")
    parser.add_argument("--warmup", type=int, default=3, help="seconds before measuring")
    parser.add_argument("--connections", type=int, default=16,
                        help="wrk connections in all, split between the server processes")
    parser.add_argument("--server-threads", type=int, default=None,
                        help="serve --threads (default: the server's own)")
    parser.add_argument("--mix", default="today=45,plan=20,log=20,clients=15")
    parser.add_argument("--processes", default="1,2", help="server processes, per setup")
    parser.add_argument("--pgbench-clients", type=int, default=8)
    parser.add_argument("--pgbench-seconds", type=int, default=10)
    parser.add_argument("--pgbench-scale", type=int, default=10)
    parser.add_argument("--keep-going", action="store_true",
                        help="exit 0 when a target is missed (the figures are the result)")
    args = parser.parse_args()

    for tool in ("wrk", "psql", "pgbench"):
        if not shutil.which(tool):
            raise Failure(f"{tool} is not installed: run bench/setup.sh")
    if not args.binary.exists():
        raise Failure(f"{args.binary} is not built: cmake --preset release && cmake --build "
                      "--preset release --target backstride")
    if args.runners < 2 or args.therapists < 1 or args.clients_per_therapist < 1:
        raise Failure("--runners needs at least 2, --therapists and --clients-per-therapist 1")
    if not re.fullmatch(r"(today|plan|log|clients)=\d+(,(today|plan|log|clients)=\d+)*",
                        args.mix):
        raise Failure(f"--mix: '{args.mix}' is not like today=45,plan=20,log=20,clients=15")

    # A short folder: a unix socket's path must fit in 107 bytes.
    folder = tempfile.mkdtemp(prefix="bs-load-", dir="/tmp")
    cluster = None
    try:
        print(f"PostgreSQL {server_programs().parent.name} in {folder} ...", flush=True)
        cluster = Cluster(folder, {
            "shared_buffers": "256MB", "max_connections": 300, "max_wal_size": "4GB",
            "checkpoint_timeout": "15min", "effective_cache_size": "4GB",
            "maintenance_work_mem": "256MB"})
        work = pathlib.Path(folder) / "work"
        work.mkdir()
        os.chmod(folder, 0o755)  # the server programs' user owns it; others read the logs
        print(f"pgbench: scale {args.pgbench_scale}, {args.pgbench_clients} clients ...",
              flush=True)
        bench = pgbench(cluster, args.pgbench_clients, args.pgbench_seconds, args.pgbench_scale)
        print(f"  select-only {bench['select-only']:,.0f} tx/s, read-write "
              f"{bench['read-write']:,.0f} tx/s, select-only connecting each time "
              f"{bench['select-only, connecting each time']:,.0f} tx/s", flush=True)
        print(f"Seeding {args.runners:,} runners with {args.years:g} years of log, "
              f"{args.therapists} therapists ...", flush=True)
        sessions_file, probe = seed(cluster, args.binary, work, args)
        database = cluster.url("clinic")
        probe_server = Server(args.binary, database, work, None, "probe-server")
        try:
            check_seeded_runner(probe_server.port, probe)
        finally:
            probe_server.stop()
        setups = {}
        for processes in (int(p) for p in args.processes.split(",")):
            print(f"Load on {processes} server process(es) ...", flush=True)
            setups[processes] = measure(processes, args.binary, database, work, args,
                                        sessions_file)
        met = report(setups, bench, args)
        print(f"\nLoad average at the end: {os.getloadavg()[0]:.1f} (2 cores shared with "
              "every process on the machine)")
        return 0 if met or args.keep_going else 1
    finally:
        if cluster:
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


def interrupted(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    # SIGINT too: a shell that starts this in the background without job control has it
    # ignored, and Python then keeps it ignored.
    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)
    try:
        sys.exit(main())
    except Failure as failure:
        print(f"clinic_load: {failure}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("clinic_load: interrupted; the database is stopped and its folder removed.",
              file=sys.stderr)
        sys.exit(130)
