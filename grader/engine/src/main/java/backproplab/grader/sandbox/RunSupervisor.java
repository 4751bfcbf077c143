package backproplab.grader.sandbox;

import backproplab.grader.protocol.ChildEvent;
import backproplab.grader.protocol.ChildRequest;
import backproplab.scoring.GradeCollector;
import backproplab.scoring.PlannedTest;
import backproplab.scoring.TestStatus;
import backproplab.scoring.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The bookkeeping of one forked run, across its test JVMs: which tests are planned, running, done or hung. It replays
 * each JVM's events into the {@link GradeCollector}, says when a JVM must be stopped (the run's time limit, a stall),
 * charges the test a JVM was running when it died, decides whether a fresh JVM runs the pending tests (up to
 * {@link SandboxLimits#maxRestarts()}), and ends the rest as {@link TestStatus#NOT_RUN} with the reason.
 *
 * <p>The tests of the suites' written plan ({@link SuitePlan}) are planned before any JVM starts, with the plan's
 * points: they are in the report whatever the JVMs do, including parameterised invocations that a JVM dies before
 * finding. A JVM's own announcement of a planned test changes nothing (a difference is noted); tests the written
 * plan does not know (an instructor's own suites) are planned as the JVM announces them.
 *
 * <p>It touches no process, socket or clock: the caller feeds it events, how each JVM ended, and the time
 * ({@link System#nanoTime()} in the engine).
 */
final class RunSupervisor {

    /**
     * How a test JVM ended.
     *
     * @param exitCode       its exit code, or {@code -1} if it was still alive after it was killed
     * @param console        what it wrote to its standard streams (JVM and native messages)
     * @param stoppedBecause why the engine stopped it, or {@code null} if it ended by itself
     * @param cpuMillisSeen  CPU time of its process tree as the grader last saw it, or {@code -1} if unknown
     */
    record ChildEnd(int exitCode, String console, String stoppedBecause, long cpuMillisSeen) {

        /** An end whose CPU time the grader did not see. */
        ChildEnd(int exitCode, String console, String stoppedBecause) {
            this(exitCode, console, stoppedBecause, -1);
        }
    }

    /** The engine's stall guard waits longer than the test JVM's own watchdog, which reports better. */
    private static final long STALL_MARGIN_MILLIS = ChildRequest.STALL_MARGIN_MILLIS + 5_000;
    /** A replacement JVM is not worth starting this close to the run's time limit. */
    private static final long RESTART_MARGIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final SandboxLimits limits;
    private final GradeCollector collector;
    private final ExitDiagnosis diagnosis;
    private final long deadlineNanos;
    private final long stallLimitMillis;

    private final Set<String> plannedKeys = new LinkedHashSet<>();
    private final Set<String> doneKeys = new LinkedHashSet<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, PlannedTest> written = new HashMap<>();
    private final Set<String> planNotes = new LinkedHashSet<>();
    private final List<ChildRun> children = new ArrayList<>();
    private String backend = "";
    private boolean complete;
    private boolean wallTimeout;
    private boolean over;
    private String problem = "";
    private String graderProblem = "";
    private int outsideKills;
    private Child child;

    /** What one test JVM did so far. */
    private static final class Child {
        long lastEventNanos;
        boolean helloSeen;
        boolean discovered;
        long discoveredAtNanos;
        long startupMillis;
        long backendMillis;
        long discoveryMillis;
        long cpuMillis = -1;
        String running;
        String hungId;
        String hungReason;
        String fatal;
        int finished;
        boolean killedForStall;

        Child(long nowNanos) {
            lastEventNanos = nowNanos;
        }
    }

    /**
     * @param limits     the run's limits: run time, per-test time and grace (for the stall guard), restarts, heap
     * @param collector  receives every test; complete once {@link #over()}
     * @param startNanos when the run started
     */
    RunSupervisor(SandboxLimits limits, GradeCollector collector, long startNanos) {
        this(limits, collector, startNanos, List.of());
    }

    /**
     * @param limits      the run's limits: run time, per-test time and grace (for the stall guard), restarts, heap
     * @param collector   receives every test; complete once {@link #over()}
     * @param startNanos  when the run started
     * @param writtenPlan the tests the suites' written plan expects, planned now; empty when there is none
     */
    RunSupervisor(SandboxLimits limits, GradeCollector collector, long startNanos, List<PlannedTest> writtenPlan) {
        for (PlannedTest test : writtenPlan) {
            collector.planned(test);
            plannedKeys.add(test.id());
            names.put(test.id(), test.displayName());
            written.put(test.id(), test);
        }
        this.limits = limits;
        this.collector = collector;
        this.diagnosis = new ExitDiagnosis(limits.heap());
        this.deadlineNanos = startNanos + limits.runTimeout().toNanos();
        this.stallLimitMillis = limits.testTimeout().toMillis() + 2 * limits.grace().toMillis() + STALL_MARGIN_MILLIS;
    }

    /** A test JVM was started; the events that follow are its own. */
    void childStarted(long nowNanos) {
        if (over) {
            throw new IllegalStateException("the run is over");
        }
        child = new Child(nowNanos);
    }

    /** Keys of the tests that have a result, which a replacement JVM skips. */
    List<String> skipKeys() {
        return List.copyOf(doneKeys);
    }

    /**
     * One event of the current JVM, in order; the connection has checked that the first is its
     * {@link ChildEvent.Hello}.
     */
    void onEvent(ChildEvent event, long nowNanos) {
        Child c = current();
        if (event instanceof ChildEvent.Hello hello) {
            if (!c.helloSeen) {
                c.helloSeen = true;
                c.startupMillis = hello.uptimeMillis();
            }
        } else if (event instanceof ChildEvent.BackendStarted started) {
            backend = started.line() == null ? "" : started.line();
            c.backendMillis = started.millis();
        } else if (event instanceof ChildEvent.Discovered discovered) {
            c.discoveryMillis = discovered.millis();
            c.discovered = true;
            c.discoveredAtNanos = nowNanos;
        } else if (event instanceof ChildEvent.Planned planned) {
            PlannedTest test = planned.test();
            if (test != null && written.containsKey(test.id())) {
                noteDifference(written.get(test.id()), test);
            } else if (test != null && !doneKeys.contains(test.id())) {
                collector.planned(test);
                plannedKeys.add(test.id());
                names.put(test.id(), test.displayName());
            }
        } else if (event instanceof ChildEvent.Started started) {
            if (open(started.id())) {
                collector.started(started.id());
                c.running = started.id();
            }
        } else if (event instanceof ChildEvent.ReportEntry entry) {
            if (open(entry.id())) {
                collector.reportEntry(entry.id(), entry.key(), entry.value());
            }
        } else if (event instanceof ChildEvent.Output output) {
            if (open(output.id())) {
                collector.output(output.id(), output.text());
            }
        } else if (event instanceof ChildEvent.Finished finished) {
            finished(c, finished);
        } else if (event instanceof ChildEvent.RunFinished finished) {
            complete = true;
            c.cpuMillis = finished.cpuMillis();
        } else if (event instanceof ChildEvent.Hung hung) {
            c.hungId = hung.id();
            c.hungReason = hung.reason();
        } else if (event instanceof ChildEvent.Fatal fatal) {
            c.fatal = fatal.reason();
        }
        c.lastEventNanos = nowNanos;
    }

    /** A planned test the JVM announced otherwise than the written plan: the plan's points stand, the note says so. */
    private void noteDifference(PlannedTest expected, PlannedTest announced) {
        if (expected.graded() != announced.graded() || expected.points() != announced.points()
                || !expected.task().equals(announced.task()) || expected.visibility() != announced.visibility()) {
            planNotes.add("The test JVM announced \"" + expected.displayName() + "\" with " + announced.points()
                    + " points (task " + announced.task() + "); the suites' plan has " + expected.points()
                    + " points (task " + expected.task() + "), which count.");
        }
    }

    private void finished(Child c, ChildEvent.Finished finished) {
        String id = finished.id();
        if (open(id)) {
            collector.finished(id, finished.status(), finished.message() == null ? "" : finished.message(),
                    finished.millis());
            doneKeys.add(id);
            c.finished++;
            if (id.equals(c.running)) {
                c.running = null;
            }
        }
    }

    /**
     * Whether the current JVM must be stopped now: the run reached its time limit, or the JVM sent nothing for
     * longer than its own watchdog would wait.
     *
     * @return the student-facing reason, to pass back in {@link ChildEnd#stoppedBecause()}; empty to go on
     */
    Optional<String> limitReached(long nowNanos) {
        Child c = current();
        if (nowNanos > deadlineNanos) {
            wallTimeout = true;
            return Optional.of("the whole run reached its time limit of " + limits.runTimeoutText() + ".");
        }
        if (c.discovered && (nowNanos - c.lastEventNanos) / 1_000_000L > stallLimitMillis) {
            c.killedForStall = true;
            return Optional.of("the test JVM made no progress for " + stallLimitMillis / 1000 + " s.");
        }
        return Optional.empty();
    }

    /**
     * The current JVM ended: charges the test it was running, and decides whether another JVM runs the pending
     * tests ({@link #over()} says).
     *
     * @return what happened to that JVM
     */
    ChildRun childEnded(ChildEnd end, long nowNanos) {
        Child c = current();
        boolean outside = end.stoppedBecause() == null && !complete
                && ExitDiagnosis.killedFromOutside(end.exitCode(), end.console());
        String ending = end.stoppedBecause() != null ? end.stoppedBecause()
                : outside ? ExitDiagnosis.outsideKill(end.exitCode())
                : diagnosis.describe(end.exitCode(), end.console(), new ExitDiagnosis.Facts(complete, c.helloSeen,
                        c.hungReason, c.fatal, c.running == null ? null : name(c.running),
                        c.hungId == null ? null : name(c.hungId)));
        if (outside) {
            // Not the student's doing: the test it was running stays open, and is run again once.
            outsideKills++;
        } else {
            chargeRunningTest(c, ending);
        }
        long testsMillis = c.discovered ? (nowNanos - c.discoveredAtNanos) / 1_000_000L : 0;
        ChildRun run = new ChildRun(end.exitCode(), ending, c.startupMillis, c.backendMillis, c.discoveryMillis,
                testsMillis, c.finished, Math.max(c.cpuMillis, end.cpuMillisSeen()), end.console());
        children.add(run);
        child = null;
        if (outside) {
            retryOrGiveUp(run, nowNanos);
        } else {
            decideWhatNext(run, nowNanos);
        }
        return run;
    }

    /** Ends the test the JVM was running when it died, and the one it halted for, with the reason. */
    private void chargeRunningTest(Child c, String ending) {
        if (c.hungId != null && !doneKeys.contains(c.hungId)) {
            collector.timedOut(c.hungId, c.hungReason);
            doneKeys.add(c.hungId);
            c.finished++;
        }
        String running = c.running;
        // A test that was running when the JVM halted for another test's runaway thread is not charged:
        // it stays open, and the next JVM runs it again.
        boolean innocent = c.hungId != null && !c.hungId.equals(running);
        if (running != null && !innocent && !doneKeys.contains(running)) {
            boolean timeout = wallTimeout || c.killedForStall;
            String reason = (timeout ? "Stopped: " : "This test did not finish: ") + ending;
            if (timeout) {
                collector.timedOut(running, reason);
            } else {
                collector.finished(running, TestStatus.NOT_RUN, reason);
            }
            doneKeys.add(running);
            c.finished++;
        }
    }

    /**
     * After a JVM killed from outside: another JVM runs the pending tests, once, whatever the restart limit; killed
     * from outside again, the run is a grader problem and nothing more is charged to the student.
     */
    private void retryOrGiveUp(ChildRun last, long nowNanos) {
        boolean timeLeft = nowNanos < deadlineNanos - RESTART_MARGIN_NANOS;
        if (outsideKills == 1 && timeLeft) {
            return;
        }
        problem = last.ending();
        graderProblem = "The test JVM was killed from outside the grader " + outsideKills + " time"
                + (outsideKills == 1 ? "" : "s") + " (the last time by signal " + (last.exitCode() - 128)
                + "), so the run says nothing about the submission; grade it again.";
        String reason = "Not run: a problem of the grading machine, not of your code: " + last.ending()
                + " It happened again when the grader tried once more.";
        collector.endRun(TestStatus.NOT_RUN, reason, reason);
        over = true;
        if (plannedKeys.isEmpty()) {
            collector.planned(new PlannedTest(SandboxRunner.SUITES_KEY, "Hidden test suites", "", "", false, 0.0, "",
                    Visibility.VISIBLE));
            collector.finished(SandboxRunner.SUITES_KEY, TestStatus.NOT_RUN, reason, 0);
        }
    }

    /**
     * Another JVM runs the pending tests if the last one made progress, restarts and time are left; otherwise the
     * pending tests end as not run, and a run that never got a plan gets one not-run entry for the suites.
     */
    private void decideWhatNext(ChildRun last, long nowNanos) {
        int attempt = children.size() - 1;
        if (complete) {
            Set<String> unrun = new LinkedHashSet<>(plannedKeys);
            unrun.removeAll(doneKeys);
            if (!unrun.isEmpty()) {
                problem = "the test JVM ended its run without running " + unrun.size() + " planned test"
                        + (unrun.size() == 1 ? "" : "s") + " of the suites.";
                complete = false;
                collector.endRun(TestStatus.NOT_RUN, "Not run: " + problem, "Not run: " + problem);
            }
            over = true;
            return;
        }
        boolean progress = last.testsFinished() > 0;
        Set<String> remaining = new LinkedHashSet<>(plannedKeys);
        remaining.removeAll(doneKeys);
        boolean timeLeft = nowNanos < deadlineNanos - RESTART_MARGIN_NANOS;
        if (remaining.isEmpty() || plannedKeys.isEmpty()) {
            problem = last.ending();
            over = true;
        } else if (!progress || attempt >= limits.maxRestarts() || !timeLeft || wallTimeout) {
            problem = last.ending();
            String pendingReason = progress && attempt >= limits.maxRestarts()
                    ? "Not run: the test JVM stopped " + (attempt == 0 ? "once" : (attempt + 1) + " times")
                            + " before this test (see the tests that timed out or did not finish) and is not "
                            + "started again. The last time: " + last.ending()
                    : "Not run: " + last.ending();
            collector.endRun(TestStatus.NOT_RUN, "Not run: " + last.ending(), pendingReason);
            over = true;
        }
        if (over && plannedKeys.isEmpty()) {
            collector.planned(new PlannedTest(SandboxRunner.SUITES_KEY, "Hidden test suites", "", "", false, 0.0, "",
                    Visibility.VISIBLE));
            collector.finished(SandboxRunner.SUITES_KEY, TestStatus.NOT_RUN,
                    "The hidden tests could not start: " + problem, 0);
        }
    }

    /** Whether the run is over: no other JVM is to start, and every test has ended. */
    boolean over() {
        return over;
    }

    /** The backend line, whether every test reported its own end, each JVM's story, and the problem if any. */
    SandboxResult result() {
        return new SandboxResult(backend, complete, children, problem, graderProblem, List.copyOf(planNotes));
    }

    /** Whether events about this test still count: it has a key and no result yet. */
    private boolean open(String id) {
        return id != null && !doneKeys.contains(id);
    }

    private String name(String key) {
        return names.getOrDefault(key, key);
    }

    private Child current() {
        if (child == null) {
            throw new IllegalStateException("no test JVM is running");
        }
        return child;
    }
}
