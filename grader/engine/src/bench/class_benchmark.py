#!/usr/bin/env python3
"""Class benchmark (not a test): grades a class of submissions with `grader batch` and prints what it cost.

Usage: class_benchmark.py <repository root> [--size N] [--jobs J] [--compare K] [--interrupt]

The class (N entries, default 30) is built in BENCH_OUT/class from the course's own material:
  ref, ref-zip.zip        the reference (solutions/src/main/java), as a folder and as a zip
  skeleton                the generated skeleton (exercises/src/main/java)
  does-not-compile, infinite-loop, throws, out-of-memory
                          the reference with one file of grader/engine/src/test/resources/submissions/<name> laid over it
  mutant-<id>             the reference with one mutant of grader/engine/src/test/resources/mutants/mutants.json
                          applied, in the file's order, until the class has N entries
Then it runs `java -jar grader/target/grader.jar batch <class> --out <dir> --jobs J`, measuring the whole process
tree with proctree.py (each process's CPU from /proc, so every forked JVM counts, killed ones too), and prints submissions per minute and
CPU-seconds per submission from the OS's figures (next to the line batch prints itself), and the CPU per kind of
process (grader JVM, compile servers, test JVMs; proctree.role).

--compare K   grades K of the entries (spread over the class) again with the single-submission command
              `grade <entry> --out <dir> --student-id <id>` and checks that score, max and every test's score equal the batch's.
--interrupt   runs a second batch into a fresh folder, stops it with SIGINT once 3 submissions are done, reruns it
              and checks that the rerun grades only what was left (it keeps the finished ones).
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proctree  # noqa: E402 (the process-tree helpers the grading benchmark uses too, beside this file)

ROOT = os.path.abspath(sys.argv[1])
JAR = os.path.join(ROOT, 'grader/target/grader.jar')
JAVA = os.environ.get('JAVA', 'java')
OUT = os.environ.get('BENCH_OUT') or os.path.join(ROOT, 'grader/target/bench', 'class-' + time.strftime('%Y%m%d-%H%M%S'))
FIXTURES = os.path.join(ROOT, 'grader/engine/src/test/resources/submissions')
OVERLAYS = ['does-not-compile', 'infinite-loop', 'throws', 'out-of-memory']


def copy_reference(target):
    shutil.copytree(os.path.join(ROOT, 'solutions/src/main/java'), target)


def overlay(target, fixture):
    copy_reference(target)
    source = os.path.join(FIXTURES, fixture)
    for folder, _, files in os.walk(source):
        for name in files:
            relative = os.path.relpath(os.path.join(folder, name), source)
            os.makedirs(os.path.dirname(os.path.join(target, relative)), exist_ok=True)
            shutil.copyfile(os.path.join(folder, name), os.path.join(target, relative))


def mutate(target, mutant):
    copy_reference(target)
    path = os.path.join(target, mutant['file'])
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for edit in mutant['edits']:
        if text.count(edit['original']) != 1:
            raise SystemExit(f"mutant {mutant['id']}: its original text does not occur exactly once in {mutant['file']}")
        text = text.replace(edit['original'], edit['replacement'])
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


def zip_folder(folder, zip_path):
    with zipfile.ZipFile(zip_path, 'w', zipfile.ZIP_DEFLATED) as z:
        for base, _, files in os.walk(folder):
            for name in sorted(files):
                full = os.path.join(base, name)
                z.write(full, os.path.relpath(full, folder))


def build_class(size):
    folder = os.path.join(OUT, 'class')
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    copy_reference(os.path.join(folder, 'ref'))
    zip_folder(os.path.join(folder, 'ref'), os.path.join(folder, 'ref-zip.zip'))
    shutil.copytree(os.path.join(ROOT, 'exercises/src/main/java'), os.path.join(folder, 'skeleton'))
    for fixture in OVERLAYS:
        overlay(os.path.join(folder, fixture), fixture)
    with open(os.path.join(ROOT, 'grader/engine/src/test/resources/mutants/mutants.json'), encoding='utf-8') as f:
        mutants = json.load(f)['mutants']
    for mutant in mutants:
        if len(os.listdir(folder)) >= size:
            break
        mutate(os.path.join(folder, 'mutant-' + mutant['id']), mutant)
    return folder


def measured(name, command):
    return proctree.measure(os.path.join(OUT, name + '.json'), command, os.path.join(OUT, name + '.log'))


def batch_command(submissions, out_dir, jobs):
    return [JAVA, '-jar', JAR, 'batch', submissions, '--out', out_dir, '--jobs', str(jobs)]


def per_test(results_file):
    with open(results_file, encoding='utf-8') as f:
        results = json.load(f)
    return results.get('score'), sorted((t.get('name'), t.get('score'), t.get('max_score')) for t in results.get('tests', []))


def compare(submissions, batch_out, count):
    entries = sorted(os.listdir(submissions))
    step = max(1, len(entries) // max(1, count))
    chosen = entries[::step][:count]
    differences = []
    for entry in chosen:
        student = entry[:-4] if entry.endswith('.zip') else entry
        single = os.path.join(OUT, 'single', student)
        # The batch draws each entry's hidden inputs from its id; the single grade is given the same id.
        subprocess.run([JAVA, '-jar', JAR, 'grade', os.path.join(submissions, entry), '--out', single,
                        '--student-id', student],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        a = per_test(os.path.join(batch_out, student, 'results.json'))
        b = per_test(os.path.join(single, 'results.json'))
        print(f'  {student:48} batch {a[0]:>7} single {b[0]:>7} ' + ('same tests and scores' if a == b else 'DIFFERENT'))
        if a != b:
            differences.append(student)
    return chosen, differences


def finished(out_dir):
    if not os.path.isdir(out_dir):
        return 0
    return sum(1 for e in os.listdir(out_dir) if os.path.isfile(os.path.join(out_dir, e, 'batch-record.json')))


def interrupt(submissions, jobs):
    out_dir = os.path.join(OUT, 'interrupted')
    shutil.rmtree(out_dir, ignore_errors=True)
    first = subprocess.Popen(batch_command(submissions, out_dir, jobs), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    while finished(out_dir) < 3 and first.poll() is None:
        time.sleep(0.5)
    first.send_signal(signal.SIGINT)
    first.wait()
    kept = finished(out_dir)
    rerun = subprocess.run(batch_command(submissions, out_dir, jobs), capture_output=True, text=True, check=False)
    kept_lines = rerun.stdout.count('(unchanged, kept)')
    total = len(os.listdir(submissions))
    print(f'Interrupted after {kept} finished submission folders (exit {first.returncode}); the rerun kept '
          f'{kept_lines} and graded {total - kept_lines}; now {finished(out_dir)}/{total} folders.')
    return kept_lines == kept and finished(out_dir) == total


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('root')
    parser.add_argument('--size', type=int, default=30)
    parser.add_argument('--jobs', type=int, default=os.cpu_count())
    parser.add_argument('--compare', type=int, default=0)
    parser.add_argument('--interrupt', action='store_true')
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    submissions = build_class(args.size)
    size = len(os.listdir(submissions))
    print(f'Class of {size} submissions in {submissions}; batch with --jobs {args.jobs}; figures in {OUT}')
    batch_out = os.path.join(OUT, 'batch')
    figures = measured('batch', batch_command(submissions, batch_out, args.jobs))
    with open(os.path.join(OUT, 'batch.log')) as f:
        lines = f.read().strip().splitlines()
    wall = figures['wall']
    # wait4 misses the test JVMs inside bubblewrap whose sandbox was killed before they were reaped (their CPU goes
    # to whoever reaps them), so the CPU is the sum of every process's own /proc figures (sampled every 20 ms).
    cpu = sum(p['cpu'] for p in figures['processes'])
    print(f'batch: {wall:.1f} s wall, {cpu:.1f} CPU-s (every process of the tree, from /proc; wait4 saw '
          f'{figures["cpu"]:.1f}), peak RSS {figures["maxRssKb"] / 1024:.0f} MB')
    print(f'  {size / (wall / 60):.2f} submissions per minute, {cpu / size:.2f} CPU-seconds per submission')
    roles = proctree.by_role(figures)
    print('  per process kind: ' + '; '.join(
        f'{name} x{r["count"]} {r["cpu"]:.1f} CPU-s ({r["cpu"] / size:.2f} per submission, JIT {r["jit"]:.1f})'
        for name, r in sorted(roles.items(), key=lambda item: proctree.ROLES.index(item[0]))))
    print(f'  batch said: {lines[-1] if lines else "(nothing)"}')
    with open(os.path.join(batch_out, 'summary.json'), encoding='utf-8') as f:
        totals = json.load(f)['totals']
    print(f'  statuses: {json.dumps(totals.get("byStatus"))}; timed out: {totals.get("timedOut")}')
    folders = finished(batch_out)
    ok = folders == size and os.path.isfile(os.path.join(batch_out, 'gradebook.csv')) \
        and os.path.isfile(os.path.join(batch_out, 'class-report.html'))
    print(f'  {folders}/{size} submission folders, gradebook.csv and class-report.html '
          + ('written' if ok else 'MISSING'))
    if args.compare:
        print(f'Single grades of {args.compare} entries against the batch:')
        _, differences = compare(submissions, batch_out, args.compare)
        ok = ok and not differences
    if args.interrupt:
        ok = interrupt(submissions, args.jobs) and ok
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
