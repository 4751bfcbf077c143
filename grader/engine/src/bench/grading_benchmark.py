#!/usr/bin/env python3
"""The grading benchmark; run it through grading-benchmark.sh, which says what it measures.

Usage: grading_benchmark.py <repo root> [N] [-- extra grade options]
"""
import datetime
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proctree  # noqa: E402 (the shared process-tree helpers, beside this file)

ROOT = sys.argv[1]
ARGS = sys.argv[2:]
EXTRA = ARGS[ARGS.index('--') + 1:] if '--' in ARGS else []
ARGS = ARGS[:ARGS.index('--')] if '--' in ARGS else ARGS
RUNS = int(ARGS[0]) if ARGS else 5
JAVA = os.environ.get('JAVA', 'java')
JAR = os.path.join(ROOT, 'grader', 'target', 'grader.jar')
OUT = os.environ.get('BENCH_OUT') or os.path.join(ROOT, 'grader', 'target', 'bench',
                                                  datetime.datetime.now().strftime('%Y%m%d-%H%M%S'))
FLOOR_SOURCE = os.path.join(ROOT, 'grader', 'engine', 'src', 'bench', 'java', 'backproplab', 'bench', 'GradingFloor.java')
SUBMISSIONS = {'reference': 'solutions/src/main/java', 'skeleton': 'exercises/src/main/java'}
# Another build to compare with, graded in the same run, interleaved: a folder laid out like the repository
# (grader/target/grader.jar and lib/, solutions/src/main/java, exercises/src/main/java).
BASELINE = os.environ.get('BASELINE')
BASELINE_SUFFIX = ' (baseline)'
ROLES = proctree.ROLES
FLOOR_MAIN = proctree.FLOOR_MAIN
role = proctree.role


def measure(name, command, log, cwd=ROOT):
    """Runs command under proctree.py; returns its figures."""
    figures = proctree.measure(os.path.join(OUT, name + '.proctree.json'), command, log, cwd=cwd)
    roles = proctree.by_role(figures)
    figures['roles'] = roles
    # wait4 misses what runs under bubblewrap's PID namespace (its init reaps the test JVM, and that rusage never
    # reaches us): the processes' own /proc figures, sampled until each ended, are the whole tree's CPU then.
    figures['cpuWait4'] = figures['cpu']
    figures['cpu'] = max(figures['cpu'], sum(r['cpu'] for r in roles.values()))
    return figures


SECONDS = re.compile(r'\b\d+(\.\d+)? ?(ms|s)\b(?! limit)')


def fingerprint(results_file, submission, root):
    """Score and a hash of results.json without what depends on the run (time, paths)."""
    with open(results_file, encoding='utf-8') as f:
        results = json.load(f)
    results.pop('execution_time', None)
    text = json.dumps(results, sort_keys=True, ensure_ascii=False)
    text = text.replace(os.path.join(root, submission), '<submission>').replace(submission, '<submission>')
    text = re.sub(r'Backend: [^"\\]*', 'Backend: <backend>', text)
    # How the machine isolates the test JVM (as the golden files, GoldenResults, leave it out).
    text = re.sub(r'- Isolation: [^"\\]*', '- Isolation: <isolation>', text)
    text = SECONDS.sub('<duration>', text)
    return results.get('score'), hashlib.sha256(text.encode()).hexdigest()[:12]


def grade(kind, run):
    baseline = kind.endswith(BASELINE_SUFFIX)
    submission = SUBMISSIONS[kind.removesuffix(BASELINE_SUFFIX)]
    root = BASELINE if baseline else ROOT
    name = kind.replace(BASELINE_SUFFIX, '-baseline')
    out_dir = os.path.join(OUT, f'{name}-{run}')
    shutil.rmtree(out_dir, ignore_errors=True)
    jar = os.path.join(root, 'grader', 'target', 'grader.jar')
    figures = measure(f'{name}-{run}', [JAVA, '-jar', jar, 'grade', submission, '--out', out_dir]
                      + ([] if baseline else EXTRA), os.path.join(OUT, f'{name}-{run}.log'), cwd=root)
    with open(os.path.join(out_dir, 'timings.json')) as f:
        figures['timings'] = json.load(f)
    figures['score'], figures['fingerprint'] = fingerprint(os.path.join(out_dir, 'results.json'), submission, root)
    return figures


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=2):
    return '-' if value is None else f'{value:.{digits}f}'


def summary(kind, runs, floor):
    lines = []
    scores = sorted({str(r.get('score')) for r in runs})
    prints = sorted({r.get('fingerprint', '-') for r in runs})
    status = sorted({r.get('timings', {}).get('status', '-') for r in runs})
    wall, cpu = median([r['wall'] for r in runs]), median([r['cpu'] for r in runs])
    graded = kind.removesuffix(BASELINE_SUFFIX) in SUBMISSIONS
    title = f'{kind} ({SUBMISSIONS[kind.removesuffix(BASELINE_SUFFIX)]})' if graded else kind
    lines.append(f'== {title}: median of {len(runs)} runs' + (
        f'; score {", ".join(scores)}, status {", ".join(status)}, results.json '
        + ('identical in every run' if len(prints) == 1 else f'DIFFERS between runs ({", ".join(prints)})')
        + f' [{prints[0]}]' if graded else ''))
    lines.append(f'  {"":44} {"wall s":>8} {"CPU s":>8} {"peak RSS MB":>12} {"JIT CPU s":>10}')
    lines.append(f'  {"whole process tree (wait4)":44} {fmt(wall):>8} {fmt(cpu):>8} '
                 f'{fmt(median([r["maxRssKb"] / 1024 for r in runs]), 0):>12} {"":>10}'
                 + (f'   {cpu / floor["cpu"]:.1f}x CPU and {wall / floor["wall"]:.1f}x wall of the plain floor'
                    if floor and kind != 'floor, plain java' else ''))
    for r in ROLES:
        present = [run['roles'][r] for run in runs if r in run['roles']]
        if not present:
            continue
        count = max(p['count'] for p in present)
        lines.append(f'  {r + (f" (x{count})" if count > 1 else ""):44} {fmt(median([p["wall"] for p in present])):>8} '
                     f'{fmt(median([p["cpu"] for p in present])):>8} '
                     f'{fmt(median([p["hwmKb"] / 1024 for p in present]), 0):>12} '
                     f'{fmt(median([p["jit"] for p in present])):>10}')
    timed = [r['timings'] for r in runs if 'timings' in r]
    if timed:
        lines.append(f'  {"phase (timings.json)":44} {"wall s":>8} {"grader CPU s":>13}')
        for phase in timed[0]['phasesMillis']:
            ms = median([t['phasesMillis'].get(phase) for t in timed])
            cpu_ms = median([t.get('phasesCpuMillis', {}).get(phase) for t in timed])
            lines.append(f'  {phase:44} {fmt(ms / 1000):>8} '
                         + f'{fmt(None if cpu_ms is None else cpu_ms / 1000):>13}')
        recorded = {k: median([t['cpuMillis'].get(k) for t in timed]) for k in timed[0].get('cpuMillis', {})}
        lines.append('  CPU recorded by the grader (cpuMillis): '
                     + ', '.join(f'{k} {fmt(v / 1000)} s' for k, v in recorded.items()))
    return lines


def main():
    os.makedirs(OUT, exist_ok=True)
    if not os.path.isfile(JAR):
        sys.exit(f'No {JAR}: build the grader first (./mvnw -o -B -q package -DskipTests).')
    print(f'Grading benchmark: {RUNS} runs of each kind, extra grade options {EXTRA or "none"}; raw figures in {OUT}')
    print('warm-up: grading the reference once (not counted) ...', flush=True)
    warm = grade('reference', 0)
    tests = [p for p in warm['processes'] if role(p['cmdline']) == 'test JVM']
    if not tests:
        sys.exit('The warm-up started no test JVM; see ' + os.path.join(OUT, 'reference-0.log'))
    # Whether the class-data archives are in use (-Xshare:on and class-load logging; -Xshare:auto is silent).
    check = subprocess.run([JAVA, '-cp', JAR, 'backproplab.grader.engine.ClassDataSharing', '--check'], cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    cds_lines = [line for line in check.stdout.splitlines() if line.strip()]
    for line in cds_lines:
        print('class-data sharing: ' + line)
    test_cmd = tests[0]['cmdline']
    cp_index = test_cmd.index('-cp')
    # Flags that name the sandbox's own folders (/run/backproplab/...) would fail outside it: left out.
    test_flags = [a for a in test_cmd[1:cp_index] if not a.startswith('-Djava.io.tmpdir=')
                  and '/run/backproplab/' not in a]
    # the last entry is the submission's class folder, which is gone: the floor's class folder takes its place
    classpath = test_cmd[cp_index + 1].split(os.pathsep)[:-1]
    floor_classes = os.path.join(OUT, 'floor-classes')
    subprocess.run(['javac', '-d', floor_classes, '-cp', os.pathsep.join(classpath), FLOOR_SOURCE], check=True)
    floor_cp = os.pathsep.join(classpath + [floor_classes])
    print('test JVM flags: ' + ' '.join(test_flags))
    kinds = {'reference': [], 'skeleton': []}
    if BASELINE:
        print(f'baseline: {BASELINE}; warm-up: grading the reference once with it (not counted) ...', flush=True)
        grade('reference' + BASELINE_SUFFIX, 0)
        kinds.update({'reference' + BASELINE_SUFFIX: [], 'skeleton' + BASELINE_SUFFIX: []})
    kinds.update({'floor, plain java': [], "floor, test JVM's flags": []})
    for run in range(1, RUNS + 1):
        for kind in kinds:
            if kind.removesuffix(BASELINE_SUFFIX) in SUBMISSIONS:
                figures = grade(kind, run)
            else:
                flags = test_flags if 'test JVM' in kind else []
                name = 'floor-plain' if not flags else 'floor-flags'
                figures = measure(f'{name}-{run}', [test_cmd[0]] + flags + ['-cp', floor_cp, FLOOR_MAIN],
                                  os.path.join(OUT, f'{name}-{run}.log'))
            kinds[kind].append(figures)
            print(f'run {run}/{RUNS} {kind:24} wall {figures["wall"]:6.2f} s  CPU {figures["cpu"]:6.2f} s'
                  + (f'  score {figures["score"]}' if 'score' in figures else ''), flush=True)
    floor = {'cpu': median([r['cpu'] for r in kinds['floor, plain java']]),
             'wall': median([r['wall'] for r in kinds['floor, plain java']])}
    lines = [f'Grading benchmark, {RUNS} runs each, {os.cpu_count()} CPUs, load average at the end '
             + open('/proc/loadavg').read().split()[0] + (f', grade options {" ".join(EXTRA)}' if EXTRA else '')]
    lines.extend('class-data sharing: ' + line for line in cds_lines)
    for kind, runs in kinds.items():
        lines.extend(summary(kind, runs, floor))
    if BASELINE:
        for kind in SUBMISSIONS:
            ours = {r['fingerprint'] for r in kinds[kind]}
            theirs = {r['fingerprint'] for r in kinds[kind + BASELINE_SUFFIX]}
            cpu = median([r['cpu'] for r in kinds[kind]]) / median([r['cpu'] for r in kinds[kind + BASELINE_SUFFIX]])
            wall = median([r['wall'] for r in kinds[kind]]) / median([r['wall'] for r in kinds[kind + BASELINE_SUFFIX]])
            lines.append(f'{kind} against the baseline: {cpu:.2f}x the CPU time, {wall:.2f}x the wall time, results.json '
                         + ('the same' if ours == theirs and len(ours) == 1 else f'DIFFERENT ({ours} vs {theirs})'))
    text = '\n'.join(lines)
    print(text)
    with open(os.path.join(OUT, 'summary.txt'), 'w') as f:
        f.write(text + '\n')
    with open(os.path.join(OUT, 'summary.json'), 'w') as f:
        json.dump({k: [{key: r[key] for key in r if key != 'processes'} for r in v] for k, v in kinds.items()}, f,
                  indent=1)


if __name__ == '__main__':
    main()
