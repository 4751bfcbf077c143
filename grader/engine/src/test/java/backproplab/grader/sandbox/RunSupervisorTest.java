package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import backproplab.grader.protocol.ChildEvent;
import backproplab.scoring.GradeCollector;
import backproplab.scoring.GradeReport;
import backproplab.scoring.PartialCredit;
import backproplab.scoring.PlannedTest;
import backproplab.scoring.TestOutcome;
import backproplab.scoring.TestStatus;
import backproplab.scoring.Visibility;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's decisions, replayed from scripted event streams and child endings: no socket, no process, no
 * clock (times are given in seconds since the run started).
 */
@DisplayName("the run supervisor")
class RunSupervisorTest {

    private static final String A = "p.ActivationsHiddenTest#sigmoid";
    private static final String B = "p.ActivationsHiddenTest#relu";
    private static final String C = "p.ActivationsHiddenTest#tanh";
    private static final String D = "p.ActivationsHiddenTest#softmax";

    private static final String EXIT_3_DURING_B = "the test JVM exited with code 3 while running \"relu works\". "
            + "Does your code call System.exit or Runtime.halt? Return a value or throw an exception instead.";

    /** 2 s per test and 1 s of grace: the stall guard waits 2 + 2 * 1 + 3 + 5 = 12 s. Runs last 60 s. */
    private static SandboxLimits limits(int maxRestarts) {
        return new SandboxLimits("384m", "4m", "256m", "768m", Duration.ofSeconds(2), Duration.ofSeconds(60),
                Duration.ofSeconds(1), 8 * 1024, maxRestarts);
    }

    private final GradeCollector collector = new GradeCollector(() -> 0L);

    private RunSupervisor supervisor(int maxRestarts) {
        return new RunSupervisor(limits(maxRestarts), collector, 0L);
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    private static PlannedTest test(String id, String name, double points) {
        return new PlannedTest(id, name, "p.ActivationsHiddenTest", id.substring(id.indexOf('#') + 1), true, points,
                "activations", Visibility.VISIBLE);
    }

    private static final List<ChildEvent> PLAN = List.of(
            new ChildEvent.Planned(test(A, "sigmoid works", 1)),
            new ChildEvent.Planned(test(B, "relu works", 2)),
            new ChildEvent.Planned(test(C, "tanh works", 3)),
            new ChildEvent.Planned(test(D, "softmax works", 4)));

    /** A test JVM that connects at {@code atSeconds}, ends discovery and plans A to D. */
    private static void startChild(RunSupervisor supervisor, double atSeconds) {
        supervisor.childStarted(seconds(atSeconds));
        feed(supervisor, atSeconds, new ChildEvent.Hello("token", 400), new ChildEvent.Discovered(30));
        PLAN.forEach(event -> supervisor.onEvent(event, seconds(atSeconds)));
    }

    private static void feed(RunSupervisor supervisor, double atSeconds, ChildEvent... events) {
        for (ChildEvent event : events) {
            supervisor.onEvent(event, seconds(atSeconds));
        }
    }

    private static ChildEvent.Finished passed(String id) {
        return new ChildEvent.Finished(id, TestStatus.PASSED, "", 5);
    }

    private GradeReport report() {
        return collector.report("");
    }

    private TestOutcome outcome(String id) {
        return report().tests().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("a complete run replays every result, partial credit and output, and needs one JVM")
    void completeRun() {
        RunSupervisor supervisor = supervisor(6);
        supervisor.childStarted(0);
        feed(supervisor, 1, new ChildEvent.Hello("token", 400), new ChildEvent.BackendStarted("ND4J CPU", 900),
                new ChildEvent.Discovered(30));
        PLAN.forEach(event -> supervisor.onEvent(event, seconds(1)));
        feed(supervisor, 2,
                new ChildEvent.Started(A), new ChildEvent.Output(A, "hello\n"), passed(A),
                new ChildEvent.Started(B), new ChildEvent.ReportEntry(B, PartialCredit.FRACTION_KEY, "0.5"),
                new ChildEvent.Finished(B, TestStatus.FAILED, "relu(-1) should be 0", 7),
                new ChildEvent.Started(C), passed(C),
                new ChildEvent.Started(D), new ChildEvent.Finished(D, TestStatus.FAILED, "sums to 2", 3),
                new ChildEvent.RunFinished(1234));
        assertThat(supervisor.limitReached(seconds(3))).isEmpty();

        ChildRun child = supervisor.childEnded(new RunSupervisor.ChildEnd(0, "", null), seconds(4));

        assertThat(supervisor.over()).isTrue();
        assertThat(child.ending()).isEqualTo("the test JVM ran every test.");
        assertThat(child.testsFinished()).isEqualTo(4);
        assertThat(child.startupMillis()).isEqualTo(400);
        assertThat(child.backendMillis()).isEqualTo(900);
        assertThat(child.testsMillis()).isEqualTo(3000);
        SandboxResult result = supervisor.result();
        assertThat(result.complete()).isTrue();
        assertThat(result.problem()).isEmpty();
        assertThat(result.backend()).isEqualTo("ND4J CPU");
        assertThat(result.cpuMillis()).isEqualTo(1234);
        assertThat(result.children()).hasSize(1);
        assertThat(report().tests()).extracting(TestOutcome::id, TestOutcome::status, TestOutcome::score)
                .containsExactly(tuple(A, TestStatus.PASSED, 1.0), tuple(B, TestStatus.FAILED, 1.0),
                        tuple(C, TestStatus.PASSED, 3.0), tuple(D, TestStatus.FAILED, 0.0));
        assertThat(outcome(A).output()).isEqualTo("hello\n");
        assertThat(outcome(B).message()).startsWith("relu(-1) should be 0\nPartial credit kept: 50 %");
        assertThat(report().score()).isEqualTo(5.0);
        assertThat(report().maxScore()).isEqualTo(10.0);
    }

    @Test
    @DisplayName("a JVM that dies mid-test charges that test, and a replacement skipping the ended tests runs the rest")
    void childDiesMidTest() {
        RunSupervisor supervisor = supervisor(6);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A), passed(A), new ChildEvent.Started(B),
                new ChildEvent.Output(B, "before exit\n"));

        ChildRun first = supervisor.childEnded(new RunSupervisor.ChildEnd(3, "", null), seconds(2));

        assertThat(first.ending()).isEqualTo(EXIT_3_DURING_B);
        assertThat(first.testsFinished()).isEqualTo(2);
        assertThat(supervisor.over()).isFalse();
        assertThat(supervisor.skipKeys()).containsExactly(A, B);
        assertThat(outcome(B).status()).isEqualTo(TestStatus.NOT_RUN);
        assertThat(outcome(B).message()).isEqualTo("This test did not finish: " + EXIT_3_DURING_B);
        assertThat(outcome(B).output()).isEqualTo("before exit\n");

        // The replacement plans only the pending tests, as SkipKeysFilter leaves the others out.
        supervisor.childStarted(seconds(3));
        feed(supervisor, 3, new ChildEvent.Hello("token", 300), new ChildEvent.Discovered(20), PLAN.get(2), PLAN.get(3),
                new ChildEvent.Started(C), passed(C), new ChildEvent.Started(D), passed(D),
                new ChildEvent.RunFinished(500));
        supervisor.childEnded(new RunSupervisor.ChildEnd(0, "", null), seconds(4));

        assertThat(supervisor.over()).isTrue();
        SandboxResult result = supervisor.result();
        assertThat(result.complete()).isTrue();
        assertThat(result.problem()).isEmpty();
        assertThat(result.children()).extracting(ChildRun::ending)
                .containsExactly(EXIT_3_DURING_B, "the test JVM ran every test.");
        assertThat(report().tests()).extracting(TestOutcome::id, TestOutcome::status)
                .containsExactly(tuple(A, TestStatus.PASSED), tuple(B, TestStatus.NOT_RUN),
                        tuple(C, TestStatus.PASSED), tuple(D, TestStatus.PASSED));
        assertThat(report().score()).isEqualTo(8.0);
        assertThat(report().maxScore()).isEqualTo(10.0);
    }

    @Test
    @DisplayName("a replacement that plans an ended test again does not reopen it")
    void replanOfEndedTestIsIgnored() {
        RunSupervisor supervisor = supervisor(6);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A), passed(A), new ChildEvent.Started(B));
        supervisor.childEnded(new RunSupervisor.ChildEnd(3, "", null), seconds(2));

        startChild(supervisor, 3);
        feed(supervisor, 3, new ChildEvent.Started(B), passed(B), new ChildEvent.Started(C), passed(C),
                new ChildEvent.Started(D), passed(D), new ChildEvent.RunFinished(500));
        supervisor.childEnded(new RunSupervisor.ChildEnd(0, "", null), seconds(4));

        assertThat(report().tests()).extracting(TestOutcome::id, TestOutcome::status)
                .containsExactly(tuple(A, TestStatus.PASSED), tuple(B, TestStatus.NOT_RUN),
                        tuple(C, TestStatus.PASSED), tuple(D, TestStatus.PASSED));
    }

    @Test
    @DisplayName("a JVM that dies before any test leaves every test not run, with the reason, and is not replaced")
    void childDiesBeforeAnyTest() {
        RunSupervisor supervisor = supervisor(6);
        startChild(supervisor, 0);

        ChildRun child = supervisor.childEnded(new RunSupervisor.ChildEnd(1, "", null), seconds(1));

        String ending = "the test JVM exited with code 1. Does your code call System.exit or Runtime.halt? "
                + "Return a value or throw an exception instead.";
        assertThat(child.ending()).isEqualTo(ending);
        assertThat(supervisor.over()).isTrue();
        assertThat(supervisor.result().complete()).isFalse();
        assertThat(supervisor.result().problem()).isEqualTo(ending);
        assertThat(report().tests()).extracting(TestOutcome::status, TestOutcome::message)
                .containsOnly(tuple(TestStatus.NOT_RUN, "Not run: " + ending));
        assertThat(report().score()).isZero();
        assertThat(report().maxScore()).isEqualTo(10.0);
    }

    @Test
    @DisplayName("a JVM that never connects gives one not-run entry for the suites, with the JVM's own message")
    void childNeverConnects() {
        RunSupervisor supervisor = supervisor(6);
        supervisor.childStarted(0);

        supervisor.childEnded(new RunSupervisor.ChildEnd(1,
                "Error: Invalid maximum heap size: -Xmxlots\nError: Could not create the Java Virtual Machine.\n"
                        + "Error: A fatal exception has occurred. Program will exit.", null), seconds(1));

        assertThat(supervisor.over()).isTrue();
        assertThat(report().tests()).singleElement().satisfies(suites -> {
            assertThat(suites.id()).isEqualTo(SandboxRunner.SUITES_KEY);
            assertThat(suites.displayName()).isEqualTo("Hidden test suites");
            assertThat(suites.status()).isEqualTo(TestStatus.NOT_RUN);
            assertThat(suites.message()).isEqualTo("The hidden tests could not start: the test JVM could not start "
                    + "(exit code 1): Error: Invalid maximum heap size: -Xmxlots / Error: Could not create the Java "
                    + "Virtual Machine. / Error: A fatal exception has occurred. Program will exit.");
        });
        assertThat(report().maxScore()).isZero();
    }

    @Test
    @DisplayName("at the run's time limit the running test times out and the pending ones are not run, with no restart")
    void runTimeLimit() {
        RunSupervisor supervisor = supervisor(6);
        startChild(supervisor, 0);
        feed(supervisor, 10, new ChildEvent.Started(A), passed(A));
        feed(supervisor, 55, new ChildEvent.Started(B));
        assertThat(supervisor.limitReached(seconds(59.9))).isEmpty();

        Optional<String> stop = supervisor.limitReached(seconds(60.1));

        String ending = "the whole run reached its time limit of 60 s.";
        assertThat(stop).contains(ending);
        supervisor.childEnded(new RunSupervisor.ChildEnd(137, "", stop.get()), seconds(60.2));
        assertThat(supervisor.over()).isTrue();
        assertThat(supervisor.result().problem()).isEqualTo(ending);
        assertThat(report().tests()).extracting(TestOutcome::id, TestOutcome::status, TestOutcome::message)
                .containsExactly(tuple(A, TestStatus.PASSED, ""),
                        tuple(B, TestStatus.TIMED_OUT, "Stopped: " + ending),
                        tuple(C, TestStatus.NOT_RUN, "Not run: " + ending),
                        tuple(D, TestStatus.NOT_RUN, "Not run: " + ending));
        assertThat(report().score()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("a JVM silent past the stall limit is stopped, its test times out, and a replacement runs the rest")
    void stall() {
        RunSupervisor supervisor = supervisor(6);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A));
        assertThat(supervisor.limitReached(seconds(12.9))).as("11.9 s of silence").isEmpty();

        Optional<String> stop = supervisor.limitReached(seconds(13.1));

        String ending = "the test JVM made no progress for 12 s.";
        assertThat(stop).contains(ending);
        ChildRun child = supervisor.childEnded(new RunSupervisor.ChildEnd(137, "", stop.get()), seconds(13.2));
        assertThat(child.ending()).isEqualTo(ending);
        assertThat(supervisor.over()).isFalse();
        assertThat(supervisor.skipKeys()).containsExactly(A);
        assertThat(outcome(A).status()).isEqualTo(TestStatus.TIMED_OUT);
        assertThat(outcome(A).message()).isEqualTo("Stopped: " + ending);

        startChild(supervisor, 14);
        feed(supervisor, 15, new ChildEvent.Started(B), passed(B), new ChildEvent.Started(C), passed(C),
                new ChildEvent.Started(D), passed(D), new ChildEvent.RunFinished(300));
        supervisor.childEnded(new RunSupervisor.ChildEnd(0, "", null), seconds(16));

        assertThat(supervisor.over()).isTrue();
        assertThat(supervisor.result().complete()).isTrue();
        assertThat(report().score()).isEqualTo(9.0);
    }

    @Test
    @DisplayName("a JVM that has not finished discovery is never declared stalled")
    void noStallBeforeDiscovery() {
        RunSupervisor supervisor = supervisor(6);
        supervisor.childStarted(0);
        feed(supervisor, 0, new ChildEvent.Hello("token", 400));

        assertThat(supervisor.limitReached(seconds(50))).isEmpty();
    }

    @Test
    @DisplayName("at the restart limit the pending tests are not run, saying how many times the JVM stopped")
    void restartLimit() {
        RunSupervisor supervisor = supervisor(1);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A), passed(A), new ChildEvent.Started(B));
        supervisor.childEnded(new RunSupervisor.ChildEnd(3, "", null), seconds(2));
        assertThat(supervisor.over()).as("one restart is allowed").isFalse();

        supervisor.childStarted(seconds(3));
        feed(supervisor, 3, new ChildEvent.Hello("token", 300), new ChildEvent.Discovered(20), PLAN.get(2), PLAN.get(3),
                new ChildEvent.Started(C));
        ChildRun second = supervisor.childEnded(new RunSupervisor.ChildEnd(3, "", null), seconds(4));

        String ending = "the test JVM exited with code 3 while running \"tanh works\". Does your code call "
                + "System.exit or Runtime.halt? Return a value or throw an exception instead.";
        assertThat(second.ending()).isEqualTo(ending);
        assertThat(supervisor.over()).isTrue();
        assertThat(supervisor.result().children()).hasSize(2);
        assertThat(supervisor.result().problem()).isEqualTo(ending);
        assertThat(report().tests()).extracting(TestOutcome::id, TestOutcome::status, TestOutcome::message)
                .containsExactly(tuple(A, TestStatus.PASSED, ""),
                        tuple(B, TestStatus.NOT_RUN, "This test did not finish: " + EXIT_3_DURING_B),
                        tuple(C, TestStatus.NOT_RUN, "This test did not finish: " + ending),
                        tuple(D, TestStatus.NOT_RUN, "Not run: the test JVM stopped 2 times before this test (see the "
                                + "tests that timed out or did not finish) and is not started again. The last time: "
                                + ending));
    }

    @Test
    @DisplayName("with no restarts allowed, the pending tests say the JVM stopped once")
    void noRestarts() {
        RunSupervisor supervisor = supervisor(0);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A), passed(A), new ChildEvent.Started(B));

        supervisor.childEnded(new RunSupervisor.ChildEnd(3, "", null), seconds(2));

        assertThat(supervisor.over()).isTrue();
        assertThat(outcome(C).message()).isEqualTo("Not run: the test JVM stopped once before this test (see the tests "
                + "that timed out or did not finish) and is not started again. The last time: " + EXIT_3_DURING_B);
    }

    @Test
    @DisplayName("a Hung event for a test while another runs charges the hung one only; the innocent one runs again")
    void hungWhileAnotherRuns() {
        RunSupervisor supervisor = supervisor(6);
        startChild(supervisor, 0);
        String hung = "The test ran past its time limit of 2 s and its thread did not stop (an endless loop?). "
                + "The remaining tests run in a fresh JVM.";
        feed(supervisor, 1, new ChildEvent.Started(A), new ChildEvent.Started(B), new ChildEvent.Hung(A, hung));

        ChildRun first = supervisor.childEnded(new RunSupervisor.ChildEnd(86, "", null), seconds(4));

        assertThat(first.ending()).isEqualTo(hung);
        assertThat(supervisor.over()).isFalse();
        assertThat(supervisor.skipKeys()).containsExactly(A);
        assertThat(outcome(A).status()).isEqualTo(TestStatus.TIMED_OUT);
        assertThat(outcome(A).message()).isEqualTo(hung);

        startChild(supervisor, 5);
        feed(supervisor, 5, new ChildEvent.Started(B), passed(B), new ChildEvent.Started(C), passed(C),
                new ChildEvent.Started(D), passed(D), new ChildEvent.RunFinished(300));
        supervisor.childEnded(new RunSupervisor.ChildEnd(0, "", null), seconds(6));

        assertThat(report().tests()).extracting(TestOutcome::id, TestOutcome::status)
                .containsExactly(tuple(A, TestStatus.TIMED_OUT), tuple(B, TestStatus.PASSED),
                        tuple(C, TestStatus.PASSED), tuple(D, TestStatus.PASSED));
        assertThat(report().score()).isEqualTo(9.0);
    }

    @Test
    @DisplayName("a Hung event after a test JUnit already timed out keeps JUnit's verdict, and the next test runs again")
    void hungAfterTimedOut() {
        RunSupervisor supervisor = supervisor(6);
        startChild(supervisor, 0);
        String junit = "sigmoid works ran past its time limit of 2 s.";
        String hung = "Stopped after 8 s: the test ran past its time limit of 2 s and could not be interrupted "
                + "(an endless loop?).";
        feed(supervisor, 1, new ChildEvent.Started(A), new ChildEvent.Finished(A, TestStatus.TIMED_OUT, junit, 2000),
                new ChildEvent.Started(B), new ChildEvent.Hung(A, hung));

        supervisor.childEnded(new RunSupervisor.ChildEnd(86, "", null), seconds(9));

        assertThat(supervisor.over()).isFalse();
        assertThat(supervisor.skipKeys()).containsExactly(A);
        assertThat(outcome(A).message()).isEqualTo(junit);
    }

    @Test
    @DisplayName("a test JUnit timed out scores 0 with its message, and the run goes on in the same JVM")
    void timedOutTest() {
        RunSupervisor supervisor = supervisor(6);
        startChild(supervisor, 0);
        String junit = "relu works ran past its time limit of 2 s.";
        feed(supervisor, 1, new ChildEvent.Started(A), passed(A),
                new ChildEvent.Started(B), new ChildEvent.Finished(B, TestStatus.TIMED_OUT, junit, 2000),
                new ChildEvent.Started(C), passed(C), new ChildEvent.Started(D), passed(D),
                new ChildEvent.RunFinished(900));

        supervisor.childEnded(new RunSupervisor.ChildEnd(0, "", null), seconds(5));

        assertThat(supervisor.over()).isTrue();
        assertThat(supervisor.result().children()).hasSize(1);
        assertThat(supervisor.result().complete()).isTrue();
        assertThat(outcome(B).status()).isEqualTo(TestStatus.TIMED_OUT);
        assertThat(outcome(B).message()).isEqualTo(junit);
        assertThat(outcome(B).score()).isZero();
        assertThat(outcome(B).durationMillis()).isEqualTo(2000);
        assertThat(report().score()).isEqualTo(8.0);
    }

    @Test
    @DisplayName("a JVM that runs out of memory is diagnosed with the heap limit and the test it was running")
    void outOfMemory() {
        RunSupervisor supervisor = supervisor(6);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A), passed(A), new ChildEvent.Started(B));

        ChildRun child = supervisor.childEnded(new RunSupervisor.ChildEnd(3,
                "Terminating due to java.lang.OutOfMemoryError: Java heap space", null), seconds(2));

        assertThat(child.ending()).isEqualTo("the test JVM ran out of memory (heap limit 384m) while running "
                + "\"relu works\". Look for data that grows without bound, such as a list appended to in a loop.");
        assertThat(child.console()).contains("OutOfMemoryError");
    }

    private static final String P1 = "p.NetworkHiddenTest#backward(Planted)[[1] case one]";
    private static final String P2 = "p.NetworkHiddenTest#backward(Planted)[[2] case two]";

    /** The written plan of A to D plus two invocations of a parameterised test, which a JVM only finds as it runs. */
    private static final List<PlannedTest> WRITTEN = List.of(test(A, "sigmoid works", 1), test(B, "relu works", 2),
            test(C, "tanh works", 3), test(D, "softmax works", 4), invocation(P1, "case one"), invocation(P2, "case two"));

    private static PlannedTest invocation(String id, String name) {
        return new PlannedTest(id, name, "p.NetworkHiddenTest", "backward", true, 1.5, "network.backward",
                Visibility.HIDDEN);
    }

    @Test
    @DisplayName("with a written plan, a JVM that dies before finding a parameterised test's invocations still leaves "
            + "every planned test in the report, the full total as maximum, and the reason on each")
    void writtenPlanKeepsTheFullTotal() {
        RunSupervisor supervisor = new RunSupervisor(limits(0), collector, 0L, WRITTEN);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A), passed(A), new ChildEvent.Started(B));

        supervisor.childEnded(new RunSupervisor.ChildEnd(3, "", null), seconds(2));

        assertThat(supervisor.over()).isTrue();
        assertThat(report().tests()).extracting(TestOutcome::id)
                .containsExactly(A, B, C, D, P1, P2);
        assertThat(report().maxScore()).isEqualTo(13.0);
        assertThat(report().score()).isEqualTo(1.0);
        assertThat(outcome(P2).status()).isEqualTo(TestStatus.NOT_RUN);
        assertThat(outcome(P2).message()).startsWith("Not run: ").endsWith(EXIT_3_DURING_B);
        assertThat(outcome(P2).displayName()).isEqualTo("case two");
    }

    @Test
    @DisplayName("with a written plan, a JVM that dies during a parameterised test is replaced and the replacement "
            + "runs the invocations the first one never found")
    void writtenPlanRestartsForUndiscoveredInvocations() {
        RunSupervisor supervisor = new RunSupervisor(limits(6), collector, 0L, WRITTEN);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A), passed(A), new ChildEvent.Started(B), passed(B),
                new ChildEvent.Started(C), passed(C), new ChildEvent.Started(D), passed(D),
                new ChildEvent.Planned(invocation(P1, "case one")), new ChildEvent.Started(P1));
        supervisor.childEnded(new RunSupervisor.ChildEnd(3, "", null), seconds(2));

        assertThat(supervisor.over()).as("P2 was never found, so a replacement runs it").isFalse();
        startChild(supervisor, 3);
        feed(supervisor, 3, new ChildEvent.Planned(invocation(P1, "case one")), new ChildEvent.Started(P1),
                passed(P1), new ChildEvent.Planned(invocation(P2, "case two")), new ChildEvent.Started(P2),
                passed(P2), new ChildEvent.RunFinished(10));
        supervisor.childEnded(new RunSupervisor.ChildEnd(0, "", null), seconds(4));

        assertThat(supervisor.over()).isTrue();
        assertThat(report().tests()).extracting(TestOutcome::id, TestOutcome::status)
                .containsExactly(tuple(A, TestStatus.PASSED), tuple(B, TestStatus.PASSED), tuple(C, TestStatus.PASSED),
                        tuple(D, TestStatus.PASSED), tuple(P1, TestStatus.NOT_RUN), tuple(P2, TestStatus.PASSED));
        assertThat(report().maxScore()).isEqualTo(13.0);
        assertThat(report().score()).isEqualTo(11.5);
    }

    @Test
    @DisplayName("with a written plan, the plan's points count when a JVM announces a test otherwise, and the run "
            + "notes say so")
    void writtenPlanPointsStand() {
        RunSupervisor supervisor = new RunSupervisor(limits(0), collector, 0L, WRITTEN);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Planned(test(D, "softmax works", 400)), new ChildEvent.Started(A), passed(A),
                new ChildEvent.Started(B), passed(B), new ChildEvent.Started(C), passed(C), new ChildEvent.Started(D),
                passed(D), new ChildEvent.Started(P1), passed(P1), new ChildEvent.Started(P2), passed(P2),
                new ChildEvent.RunFinished(10));
        supervisor.childEnded(new RunSupervisor.ChildEnd(0, "", null), seconds(2));

        assertThat(report().maxScore()).isEqualTo(13.0);
        assertThat(outcome(D).score()).isEqualTo(4.0);
        assertThat(supervisor.result().notes()).singleElement().asString()
                .contains("\"softmax works\" with 400.0 points").contains("4.0 points");
    }

    @Test
    @DisplayName("with a written plan, a JVM that ends its run without running a planned test leaves it not run, "
            + "with the reason, and the run is not complete")
    void writtenPlanTestNeverRun() {
        RunSupervisor supervisor = new RunSupervisor(limits(6), collector, 0L, WRITTEN);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A), passed(A), new ChildEvent.Started(B), passed(B),
                new ChildEvent.Started(C), passed(C), new ChildEvent.Started(D), passed(D),
                new ChildEvent.RunFinished(10));
        supervisor.childEnded(new RunSupervisor.ChildEnd(0, "", null), seconds(2));

        assertThat(supervisor.over()).isTrue();
        assertThat(supervisor.result().complete()).isFalse();
        assertThat(supervisor.result().problem()).isEqualTo("the test JVM ended its run without running 2 planned "
                + "tests of the suites.");
        assertThat(outcome(P1).status()).isEqualTo(TestStatus.NOT_RUN);
        assertThat(outcome(P1).message()).isEqualTo("Not run: " + supervisor.result().problem());
        assertThat(report().maxScore()).isEqualTo(13.0);
    }

    @Test
    @DisplayName("with a written plan, a JVM that never connects leaves every planned test not run with the reason "
            + "(no stand-in entry)")
    void writtenPlanChildNeverStarts() {
        RunSupervisor supervisor = new RunSupervisor(limits(6), collector, 0L, WRITTEN);
        supervisor.childStarted(0);
        supervisor.childEnded(new RunSupervisor.ChildEnd(1, "Error: Invalid maximum heap size: -Xmxlots", null),
                seconds(1));

        assertThat(supervisor.over()).isTrue();
        assertThat(report().tests()).extracting(TestOutcome::id).containsExactly(A, B, C, D, P1, P2);
        assertThat(report().maxScore()).isEqualTo(13.0);
        assertThat(outcome(P1).message()).startsWith("Not run: the test JVM could not start (exit code 1)");
    }

    @Test
    @DisplayName("a JVM killed by a stray SIGKILL (not the engine's) is run again once, even with no restarts left, "
            + "and the test it was running is not charged")
    void strayKillIsRetriedOnce() {
        RunSupervisor supervisor = supervisor(0);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A), passed(A), new ChildEvent.Started(B));

        ChildRun first = supervisor.childEnded(new RunSupervisor.ChildEnd(137, "", null), seconds(2));

        assertThat(first.ending()).contains("killed by signal 9 from outside the grader");
        assertThat(supervisor.over()).as("one retry").isFalse();
        assertThat(supervisor.skipKeys()).containsExactly(A);
        startChild(supervisor, 3);
        feed(supervisor, 3, new ChildEvent.Started(B), passed(B), new ChildEvent.Started(C), passed(C),
                new ChildEvent.Started(D), passed(D), new ChildEvent.RunFinished(500));
        supervisor.childEnded(new RunSupervisor.ChildEnd(0, "", null), seconds(4));

        assertThat(supervisor.over()).isTrue();
        assertThat(supervisor.result().graderProblem()).isEmpty();
        assertThat(report().score()).isEqualTo(10.0);
    }

    @Test
    @DisplayName("a JVM killed from outside again after the retry makes the run a grader problem: nothing is charged "
            + "as a failed test, and the pending tests say it was the machine")
    void strayKillTwiceIsAGraderProblem() {
        RunSupervisor supervisor = supervisor(6);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A), passed(A), new ChildEvent.Started(B));
        supervisor.childEnded(new RunSupervisor.ChildEnd(137, "", null), seconds(2));
        startChild(supervisor, 3);
        feed(supervisor, 3, new ChildEvent.Started(B));
        supervisor.childEnded(new RunSupervisor.ChildEnd(143, "", null), seconds(4));

        assertThat(supervisor.over()).isTrue();
        assertThat(supervisor.result().graderProblem()).contains("killed from outside the grader 2 times")
                .contains("signal 15");
        assertThat(outcome(B).status()).isEqualTo(TestStatus.NOT_RUN);
        assertThat(outcome(B).message()).startsWith("Not run: a problem of the grading machine, not of your code");
        assertThat(report().tests()).extracting(TestOutcome::status).doesNotContain(TestStatus.FAILED,
                TestStatus.TIMED_OUT);
    }

    @Test
    @DisplayName("a JVM the engine itself killed (a limit), or one that died of its heap, is not a fault from outside")
    void ownKillsAreNotOutsideFaults() {
        RunSupervisor supervisor = supervisor(0);
        startChild(supervisor, 0);
        feed(supervisor, 1, new ChildEvent.Started(A));
        supervisor.childEnded(new RunSupervisor.ChildEnd(137, "", "the whole run reached its time limit of 60 s."),
                seconds(2));

        assertThat(supervisor.over()).isTrue();
        assertThat(supervisor.result().graderProblem()).isEmpty();
        assertThat(ExitDiagnosis.killedFromOutside(137, "java.lang.OutOfMemoryError: Java heap space")).isFalse();
        assertThat(ExitDiagnosis.killedFromOutside(134, "")).as("SIGABRT, a crash").isFalse();
        assertThat(ExitDiagnosis.killedFromOutside(3, "")).as("System.exit(3)").isFalse();
    }
}
