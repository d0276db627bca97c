#!/usr/bin/env python3
"""Opsbench benchmarks against the built products. Run through releng/bench (which sets JAVA_HOME).

  releng/bench [server] [client] [build]     (no name: server and client; build only when named)

Environment: SERVER_RUNS (default 5), CLIENT_RUNS (default 3).
Figures are printed beside their goals and written to target/bench/. A figure over its goal is
marked, never an error: only a benchmark that cannot run makes the exit code non-zero.
"""
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PRODUCTS = os.path.join(ROOT, "releng/org.opsbench.repository/target/products")
SERVER = os.path.join(PRODUCTS, "opsbench-server/linux/gtk/x86_64/opsbench-server/bin/opsbench-server")
CLIENT = os.path.join(PRODUCTS, "opsbench/linux/gtk/x86_64/opsbench/bin/opsbench")
OUT = os.path.join(ROOT, "target", "bench")
LIMIT_S = 60  # bound of every wait for a start

# name -> (goal value, unit, goal text); seconds for times, MB for memory
GOALS = {
    "server.ready": (1.5, "s", "< 1.5 s"),
    "server.rss": (150, "MB", "< 150 MB"),
    "client.painted": (4.0, "s", "< 4 s"),
    "client.rss": (350, "MB", "< 350 MB"),
    "build.full": (20 * 60, "s", "< 20 min"),
}


class BenchError(Exception):
    pass


def rss_mb(pid):
    """VmRSS of a running process, in MB (the launch scripts exec java: the PID is the JVM's)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise BenchError(f"no VmRSS for {pid}")


def read_report(path):
    try:
        with open(path) as f:
            text = f.read()
    except FileNotFoundError:
        return None
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def stop(proc, grace_s=30):
    """SIGTERM, then SIGKILL after grace_s. Returns (exit code, seconds from SIGTERM to exit)."""
    if proc.poll() is not None:
        return proc.returncode, 0.0
    t = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(grace_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)
    return proc.returncode, time.monotonic() - t


class Workspace:
    """A temp workspace for a first start and restarts; removed on exit of the with-block."""

    def __init__(self, single_user=False):
        self.single_user = single_user

    def __enter__(self):
        self.tmp = tempfile.mkdtemp(prefix="opsbench-bench-")
        self.path = os.path.join(self.tmp, "workspace")
        if self.single_user:
            # the workbench of a fresh workspace asks for a login first: measure the window, not the typing
            os.makedirs(os.path.join(self.path, "etc"))
            with open(os.path.join(self.path, "etc", "org.opsbench.security.cfg"), "w") as f:
                f.write("singleUser = true\n")
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.tmp, ignore_errors=True)


class Launch:
    """One start of a product on a workspace; stopped on exit of the with-block."""

    def __init__(self, script, key, workspace, vm_args="", env=None):
        self.script, self.key, self.workspace, self.vm_args, self.env = script, key, workspace, vm_args, env or {}
        self.proc = None

    def __enter__(self):
        self.tmp = tempfile.mkdtemp(prefix="opsbench-bench-run-")
        self.report = os.path.join(self.tmp, "report")
        env = dict(os.environ, **self.env)
        env["OPSBENCH_VM_ARGS"] = f"-Dopsbench.startupReport={self.report} {self.vm_args}".strip()
        self.output = open(os.path.join(self.tmp, "output.txt"), "w")
        self.t0 = time.monotonic()
        self.proc = subprocess.Popen([self.script, "--workspace", self.workspace],
                                     env=env, stdin=subprocess.DEVNULL, stdout=self.output,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def await_report(self):
        """Wall seconds from fork to a complete report file, and the report."""
        deadline = self.t0 + LIMIT_S
        while time.monotonic() < deadline:
            report = read_report(self.report)
            if report and self.key in report:
                return time.monotonic() - self.t0, report
            if self.proc.poll() is not None:
                raise BenchError(f"{self.script} exited with {self.proc.returncode} before its report:\n"
                                 + self.tail())
            time.sleep(0.005)
        raise BenchError(f"no report from {self.script} within {LIMIT_S} s:\n" + self.tail())

    def tail(self):
        self.output.flush()
        with open(self.output.name) as f:
            return "".join(f.readlines()[-20:])

    def __exit__(self, *exc):
        try:
            if self.proc and self.proc.poll() is None:
                stop(self.proc)
        finally:
            self.output.close()
            shutil.rmtree(self.tmp, ignore_errors=True)


def bench_server(runs):
    """Each run: a first start on a fresh workspace (creates the database, applies every area's migrations, creates
    the admin account), then a restart of that workspace, which is what the goal is about."""
    samples = []
    for i in range(runs):
        with Workspace() as ws:
            with Launch(SERVER, "ready", ws.path) as first:
                first_wall, _ = first.await_report()
                stop(first.proc)
            with Launch(SERVER, "ready", ws.path) as run:
                wall, report = run.await_report()
                if report.get("ready") != "true":
                    raise BenchError("server reported ready=false:\n" + run.tail())
                rss0 = rss_mb(run.proc.pid)
                time.sleep(2)
                rss2 = rss_mb(run.proc.pid)
                code, stop_s = stop(run.proc)
        samples.append({"first_start_s": first_wall, "wall_s": wall, "ready_ms": int(report["ready_ms"]),
                        "rss_after_ready_mb": rss0, "rss_2s_mb": rss2, "sigterm_exit": code, "stop_s": stop_s})
        print(f"  server run {i + 1}/{runs}: first start {first_wall:.2f} s, restart ready {wall:.2f} s (in JVM "
              f"{samples[-1]['ready_ms']} ms), rss {rss0:.0f} -> {rss2:.0f} MB, stop {stop_s:.2f} s (exit {code})",
              file=sys.stderr)
    walls = [s["wall_s"] for s in samples]
    return samples, [
        row("server.ready", walls, "s", runs, "restart of a workspace: fork to report file, includes JVM start"),
        row("server.ready_ms", [s["ready_ms"] / 1000 for s in samples], "s", runs, "in-JVM ready_ms (JVM uptime)"),
        row("server.first", [s["first_start_s"] for s in samples], "s", runs,
            "first start of a fresh workspace (creates the database and the admin account)"),
        row("server.rss", [s["rss_2s_mb"] for s in samples], "MB", runs, "VmRSS 2 s after ready"),
        row("server.stop", [s["stop_s"] for s in samples], "s", runs, "SIGTERM to exit"),
    ]


def start_xvfb():
    """A private Xvfb on a display number it picks itself (-displayfd): no race with other users' displays."""
    if not shutil.which("Xvfb"):
        raise BenchError("client needs Xvfb (apt-get install xvfb) or a DISPLAY")
    r, w = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(w), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=[w], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    number = b""
    deadline = time.monotonic() + 10
    os.set_blocking(r, False)
    while not number.endswith(b"\n") and time.monotonic() < deadline and xvfb.poll() is None:
        try:
            number += os.read(r, 16)
        except BlockingIOError:
            time.sleep(0.02)
    os.close(r)
    if not number.strip():
        stop(xvfb, 5)
        raise BenchError("Xvfb did not start")
    return xvfb, ":" + number.decode().strip()


def bench_client(runs):
    xvfb = None
    display = os.environ.get("DISPLAY")
    if not display:
        xvfb, display = start_xvfb()
    try:
        samples = []
        for i in range(runs):
            args = (CLIENT, "painted_ms")
            env = {"DISPLAY": display}
            with Workspace(single_user=True) as ws:
                with Launch(*args, ws.path, "-Dopsbench.exitAfterStartup=false", env) as first:
                    first_wall, _ = first.await_report()
                    stop(first.proc)
                with Launch(*args, ws.path, "-Dopsbench.exitAfterStartup=false", env) as run:
                    wall, report = run.await_report()
                    rss = rss_mb(run.proc.pid)
                    code, stop_s = stop(run.proc)
            samples.append({"first_start_s": first_wall, "wall_s": wall, "painted_ms": int(report["painted_ms"]),
                            "rss_mb": rss, "sigterm_exit": code, "stop_s": stop_s})
            print(f"  client run {i + 1}/{runs}: first start {first_wall:.2f} s, restart painted {wall:.2f} s (in JVM "
                  f"{samples[-1]['painted_ms']} ms), rss {rss:.0f} MB", file=sys.stderr)
    finally:
        if xvfb:
            stop(xvfb, 5)
    where = "under Xvfb" if xvfb else f"on {display}"
    return samples, [
        row("client.painted", [s["wall_s"] for s in samples], "s", runs,
            f"restart of a workspace, single-user: fork to first paint, {where}"),
        row("client.painted_ms", [s["painted_ms"] / 1000 for s in samples], "s", runs, "in-JVM painted_ms"),
        row("client.first", [s["first_start_s"] for s in samples], "s", runs, "first start of a fresh workspace"),
        row("client.rss", [s["rss_mb"] for s in samples], "MB", runs, "VmRSS right after painted"),
    ]


def bench_build(_runs):
    log = os.path.join(tempfile.gettempdir(), f"opsbench-bench-build-{os.getpid()}.log")
    cmd = ["./mvnw", "-B", "clean", "verify"]
    if not os.environ.get("DISPLAY"):
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24 -nolisten tcp"] + cmd
    print(f"  build: {' '.join(cmd)} (log {log})", file=sys.stderr)
    t = time.monotonic()
    with open(log, "w") as out:
        code = subprocess.call(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    wall = time.monotonic() - t
    if code != 0:
        raise BenchError(f"build failed (exit {code}), see {log}")
    return [{"wall_s": wall, "log": log}], [row("build.full", [wall], "s", 1, "clean verify incl. tests")]


def row(name, values, unit, runs, note):
    median = statistics.median(values)
    return {"benchmark": name, "median": median, "min": min(values), "max": max(values), "unit": unit,
            "runs": runs, "note": note}


def fmt(value, unit):
    if unit == "MB":
        return f"{value:.0f} MB"
    if value >= 60:
        return f"{int(value // 60)} min {value % 60:.0f} s"
    return f"{value:.2f} s"


def machine():
    mem = next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal:"))
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    return {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "nproc": os.cpu_count(), "cpu": cpu, "memory_gb": round(int(mem) / 1024 / 1024, 1), "java": version,
            "kernel": platform.release(), "commit": commit}


BENCHMARKS = {"server": bench_server, "client": bench_client, "build": bench_build}
DEFAULT_RUNS = {"server": int(os.environ.get("SERVER_RUNS", 5)), "client": int(os.environ.get("CLIENT_RUNS", 3)),
                "build": 1}


def main(args):
    names = args or ["server", "client"]
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown or "-h" in args or "--help" in args:
        if unknown:
            print(f"bench: unknown benchmark {' '.join(unknown)}", file=sys.stderr)
        print(__doc__.strip())
        return 2 if unknown else 0
    needed = {"server": SERVER, "client": CLIENT}
    missing = [needed[n] for n in names if n in needed and not os.access(needed[n], os.X_OK)]
    if missing:
        print("bench: no built product at\n  " + "\n  ".join(missing)
              + "\nBuild the products first, from the project root:\n  ./mvnw -B verify -DskipTests",
              file=sys.stderr)
        return 2
    info = machine()
    print(f"Opsbench benchmarks, {info['date']}, commit {info['commit']}")
    print(f"machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory_gb']} GB RAM, kernel {info['kernel']}")
    print(f"java:    {info['java']}\n")
    results, rows, failed = {}, [], []
    for name in names:
        try:
            samples, summary = BENCHMARKS[name](DEFAULT_RUNS[name])
            results[name] = samples
            rows += summary
        except BenchError as e:
            print(f"bench: {name} failed: {e}", file=sys.stderr)
            failed.append(name)

    print(f"\n{'benchmark':<20}{'figure':<13}{'goal':<11}{'':<6}runs")
    for r in rows:
        goal = GOALS.get(r["benchmark"])
        verdict = "" if not goal else ("ok" if r["median"] < goal[0] else "OVER")
        runs = (f"median of {r['runs']} (min {fmt(r['min'], r['unit'])}, max {fmt(r['max'], r['unit'])})"
                if r["runs"] > 1 else "one run")
        print(f"{r['benchmark']:<20}{fmt(r['median'], r['unit']):<13}{goal[2] if goal else '-':<11}{verdict:<6}"
              f"{runs}; {r['note']}")

    # mvn clean (build) removes target/: write the results only now
    os.makedirs(OUT, exist_ok=True)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    for sample in results.get("build", []):
        sample["log"] = shutil.move(sample["log"], os.path.join(OUT, f"build-{stamp}.log"))
    with open(os.path.join(OUT, f"bench-{stamp}.json"), "w") as f:
        json.dump({"machine": info, "summary": rows, "samples": results, "failed": failed}, f, indent=2)
    with open(os.path.join(OUT, f"bench-{stamp}.csv"), "w") as f:
        f.write("date,commit,benchmark,median,min,max,unit,runs,goal\n")
        for r in rows:
            goal = GOALS.get(r["benchmark"], (None, None, ""))[2]
            f.write(f"{info['date']},{info['commit']},{r['benchmark']},{r['median']:.3f},{r['min']:.3f},"
                    f"{r['max']:.3f},{r['unit']},{r['runs']},{goal}\n")
    print(f"\nresults: {os.path.relpath(os.path.join(OUT, f'bench-{stamp}.json'), ROOT)} (and .csv)")
    return 1 if failed else 0


if __name__ == "__main__":
    # a SIGTERM to the bench unwinds like Ctrl-C, so the with-blocks stop the products and remove temp folders
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
