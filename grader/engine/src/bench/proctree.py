#!/usr/bin/env python3
"""Runs a command and measures its whole process tree from the OS's accounting (Linux /proc and wait4).

Usage: proctree.py <result.json> <command> [args...]
As a module (the grading and class benchmarks import it): measure() runs a command under this script and
returns its figures, role() names the grader's processes by their command line, and by_role() sums them.

Every 20 ms it lists the command's descendants and reads, per process, /proc/<pid>/stat (user + system CPU),
/proc/<pid>/status (VmHWM, the peak resident set) and the CPU of each thread, grouped by thread name (JIT
compiler threads, GC, the main thread, ...). A process's figures are those of the last sample before it ended,
so a few ticks at its very end can be missed; the whole tree's CPU and peak RSS come from wait4's rusage, which
is exact (it counts every descendant its parent waited for). Writes the figures as JSON.
"""
import json
import os
import re
import subprocess
import sys
import threading
import time

TICK = os.sysconf('SC_CLK_TCK')
PAGE_KB = os.sysconf('SC_PAGE_SIZE') // 1024


def read(path, mode='r'):
    try:
        with open(path, mode) as f:
            return f.read()
    except (FileNotFoundError, ProcessLookupError, PermissionError, OSError):
        return None


def stat_fields(text):
    """(comm, fields after comm) of a /proc stat line; fields[0] is the state, [1] the ppid, [11]/[12] utime/stime."""
    return text[text.index('(') + 1:text.rindex(')')], text[text.rindex(')') + 2:].split()


def thread_group(name):
    if 'CompilerThre' in name:
        return 'JIT'
    if name.startswith('GC ') or name in ('VM Thread',):
        return 'GC + VM'
    return 'other threads' if name not in ('java',) else 'main'


class Sampler:
    def __init__(self, root):
        self.root = root
        self.ours = {root}
        self.foreign = set()
        self.procs = {}
        self.stop = False

    def poll(self):
        now = time.monotonic()
        try:
            pids = [int(p) for p in os.listdir('/proc') if p.isdigit()]
        except OSError:
            return
        # parents first, so a child is recognised in the same pass as its parent
        for pid in sorted(pids):
            if pid in self.foreign:
                continue
            text = read(f'/proc/{pid}/stat')
            if text is None:
                continue
            _, fields = stat_fields(text)
            if pid not in self.ours:
                if int(fields[1]) in self.ours:
                    self.ours.add(pid)
                else:
                    self.foreign.add(pid)
                    continue
            p = self.procs.setdefault(pid, {'pid': pid, 'ppid': int(fields[1]), 'first': now, 'threads': {}})
            p['last'] = now
            p['cpu'] = (int(fields[11]) + int(fields[12])) / TICK
            cmd = read(f'/proc/{pid}/cmdline', 'rb')
            if cmd:
                p['cmdline'] = [a.decode(errors='replace') for a in cmd.split(b'\0') if a]
            status = read(f'/proc/{pid}/status') or ''
            m = re.search(r'VmHWM:\s+(\d+) kB', status)
            if m:
                p['hwm_kb'] = max(p.get('hwm_kb', 0), int(m.group(1)))
            try:
                tids = os.listdir(f'/proc/{pid}/task')
            except OSError:
                tids = []
            for tid in tids:
                t = read(f'/proc/{pid}/task/{tid}/stat')
                if t:
                    name, tf = stat_fields(t)
                    p['threads'][tid] = (name, (int(tf[11]) + int(tf[12])) / TICK)

    def run(self):
        while not self.stop:
            self.poll()
            time.sleep(0.02)


# The grader's processes, by what their command line runs.
ROLES = ['grader JVM', 'javac JVM', 'compile server', 'test JVM', 'floor JVM', 'other']
FLOOR_MAIN = 'backproplab.bench.GradingFloor'


def role(cmdline):
    """What a process of a grading tree is, from its command line."""
    if not cmdline or os.path.basename(cmdline[0]) not in ('java', 'java.exe'):
        return 'other'
    if 'backproplab.grader.child.ChildMain' in cmdline:
        return 'test JVM'
    if 'backproplab.grader.compile.CompilerProcess' in cmdline:
        return 'javac JVM'
    if 'backproplab.grader.compile.CompileServerMain' in cmdline:
        return 'compile server'
    if FLOOR_MAIN in cmdline:
        return 'floor JVM'
    if '-jar' in cmdline or 'backproplab.grader.cli.GraderCommand' in cmdline:
        return 'grader JVM'
    return 'other'


def by_role(figures):
    """Per role: the sum of the processes' CPU and lifetimes, the largest peak RSS, JIT CPU and the count."""
    roles = {}
    for p in figures['processes']:
        r = roles.setdefault(role(p['cmdline']), {'cpu': 0.0, 'wall': 0.0, 'hwmKb': 0, 'jit': 0.0, 'count': 0})
        r['cpu'] += p['cpu']
        r['wall'] += p['wall']
        r['hwmKb'] = max(r['hwmKb'], p['hwmKb'])
        r['jit'] += p['threads'].get('JIT', 0.0)
        r['count'] += 1
    return roles


def measure(result, command, log, cwd=None):
    """Runs command under this script (its output to the file log) and returns the figures it wrote to result."""
    with open(log, 'w') as out:
        subprocess.run([sys.executable, os.path.abspath(__file__), result] + command, stdout=out,
                       stderr=subprocess.STDOUT, cwd=cwd, check=False)
    with open(result) as f:
        return json.load(f)


def main():
    out, command = sys.argv[1], sys.argv[2:]
    start = time.monotonic()
    child = subprocess.Popen(command)
    sampler = Sampler(child.pid)
    thread = threading.Thread(target=sampler.run, daemon=True)
    thread.start()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    sampler.stop = True
    thread.join()
    processes = []
    for p in sorted(sampler.procs.values(), key=lambda p: p['first']):
        groups = {}
        for name, cpu in p['threads'].values():
            groups[thread_group(name)] = groups.get(thread_group(name), 0) + cpu
        processes.append({'pid': p['pid'], 'ppid': p['ppid'], 'cmdline': p.get('cmdline', []), 'cpu': p.get('cpu', 0),
                          'hwmKb': p.get('hwm_kb', 0), 'wall': p['last'] - p['first'],
                          'threads': {k: round(v, 2) for k, v in groups.items()}})
    result = {'exitCode': os.waitstatus_to_exitcode(status), 'wall': wall,
              'cpu': usage.ru_utime + usage.ru_stime, 'user': usage.ru_utime, 'system': usage.ru_stime,
              'maxRssKb': usage.ru_maxrss, 'processes': processes}
    with open(out, 'w') as f:
        json.dump(result, f, indent=1)
    sys.exit(0)


if __name__ == '__main__':
    main()
