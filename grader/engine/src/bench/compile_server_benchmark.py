#!/usr/bin/env python3
"""Compile-server benchmark (not a test): what one compile request costs in a batch's warm compile server
(backproplab.grader.compile.CompileServerMain) with each JIT setting, against the one-shot javac JVM.

Usage: compile_server_benchmark.py <repository root> <compile-request.json> [N] [ROUNDS]

<compile-request.json> is the request file a grade leaves in its work folder
(`grade <submission> --out <dir> --work-dir <work>` writes <work>/compile/compile-request.json). For each JIT setting
(C1 only, as the one-shot JVM; full tiered; tiered with one compiler thread) it starts a server with the javac JVM's
other flags (serial GC, its class-data archive when built) and sends it the same request N times (default 30), each
into a class folder of its own, and it runs the one-shot JVM a few times; ROUNDS (default 2) repeats all of it,
interleaved, so a shared machine's load falls on every setting alike. It prints, per setting, the CPU of the first
request (start-up included), the median of the others, and the server's whole CPU over N requests (the figures the
server reports itself, from /proc through ProcessHandle), with the wall time of each.
"""
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(sys.argv[1])
REQUEST = json.load(open(sys.argv[2], encoding='utf-8'))
N = int(sys.argv[3]) if len(sys.argv) > 3 else 30
ROUNDS = int(sys.argv[4]) if len(sys.argv) > 4 else 2
JAVA = os.environ.get('JAVA', 'java')
JAR = os.path.join(ROOT, 'grader/target/grader.jar')
ARCHIVES = sorted(glob.glob(os.path.join(ROOT, 'grader/target/cds/javac-jvm-*.jsa')))
COMMON = ['-XX:+UseSerialGC'] + (['-XX:SharedArchiveFile=' + ARCHIVES[-1], '-Xshare:auto'] if ARCHIVES else []) \
    + ['-Xss4m', '-Xmx256m', '-cp', JAR]
SETTINGS = {
    'C1 only (-XX:TieredStopAtLevel=1)': ['-XX:TieredStopAtLevel=1'],
    'tiered (C1 + C2)': [],
    'tiered, 1 compiler thread (-XX:CICompilerCount=2)': ['-XX:CICompilerCount=2'],
}


def served(flags, work):
    server = subprocess.Popen([JAVA] + flags + COMMON + ['backproplab.grader.compile.CompileServerMain'],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    cpu, wall, charged = [], [], 0
    for i in range(N):
        request = dict(REQUEST, classesDir=os.path.join(work, f'classes-{i}'))
        start = time.monotonic()
        server.stdin.write(json.dumps(request) + '\n')
        server.stdin.flush()
        answer = json.loads(server.stdout.readline())
        wall.append(time.monotonic() - start)
        cpu.append((answer['cpuMillis'] - charged) / 1000)
        charged = answer['cpuMillis']
        if not answer['success']:
            sys.exit('the request did not compile in the server: ' + '\n'.join(answer['errors']))
    server.stdin.close()
    server.wait()
    return cpu, wall


def one_shot(work, i):
    request_file = os.path.join(work, f'one-shot-{i}.json')
    result_file = os.path.join(work, f'one-shot-{i}.result.json')
    with open(request_file, 'w', encoding='utf-8') as f:
        json.dump(dict(REQUEST, classesDir=os.path.join(work, f'one-shot-classes-{i}')), f)
    start = time.monotonic()
    subprocess.run([JAVA, '-XX:TieredStopAtLevel=1'] + COMMON + ['backproplab.grader.compile.CompilerProcess',
                                                                  request_file, result_file], check=True)
    wall = time.monotonic() - start
    with open(result_file, encoding='utf-8') as f:
        return json.load(f)['cpuMillis'] / 1000, wall


def main():
    if not os.path.isfile(JAR):
        sys.exit(f'No {JAR}: build the grader first (./mvnw -o -B -q package -DskipTests).')
    print(f'Compile-server benchmark: {N} requests per server, {ROUNDS} rounds, {os.cpu_count()} CPUs, '
          f'archive {ARCHIVES[-1] if ARCHIVES else "none"}', flush=True)
    figures = {name: {'first': [], 'rest': [], 'total': [], 'wall': []} for name in SETTINGS}
    shots = {'cpu': [], 'wall': []}
    for round_ in range(ROUNDS):
        for name, flags in SETTINGS.items():
            work = tempfile.mkdtemp(prefix='backproplab-compile-bench-')
            try:
                cpu, wall = served(flags, work)
            finally:
                shutil.rmtree(work, ignore_errors=True)
            f = figures[name]
            f['first'].append(cpu[0])
            f['rest'].extend(cpu[1:])
            f['total'].append(sum(cpu))
            f['wall'].extend(wall[1:])
            print(f'round {round_ + 1}: {name:52} first {cpu[0]:5.2f} CPU-s, then median {statistics.median(cpu[1:]):5.2f}'
                  f' CPU-s, {statistics.median(wall[1:]):5.2f} s wall; {sum(cpu):6.1f} CPU-s for {N}', flush=True)
        work = tempfile.mkdtemp(prefix='backproplab-compile-bench-')
        try:
            for i in range(3):
                cpu, wall = one_shot(work, i)
                shots['cpu'].append(cpu)
                shots['wall'].append(wall)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(f'== medians over {ROUNDS} rounds; load average at the end ' + open('/proc/loadavg').read().split()[0])
    for name, f in figures.items():
        print(f'  {name:52} first {statistics.median(f["first"]):5.2f} CPU-s, then {statistics.median(f["rest"]):5.2f} '
              f'CPU-s and {statistics.median(f["wall"]):5.2f} s wall per request; {statistics.median(f["total"]) / N:5.2f} '
              f'CPU-s per request over {N}')
    print(f'  {"one-shot javac JVM (C1 only), per request":52} {statistics.median(shots["cpu"]):5.2f} CPU-s, '
          f'{statistics.median(shots["wall"]):5.2f} s wall')


if __name__ == '__main__':
    main()
