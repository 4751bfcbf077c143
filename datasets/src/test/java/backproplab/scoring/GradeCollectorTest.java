package backproplab.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The collector driven by plain events, as the grader's parent JVM drives it from the child's stream. */
class GradeCollectorTest {

    private final AtomicLong clock = new AtomicLong(1_000);
    private final GradeCollector collector = new GradeCollector(clock::get);

    private void plan(String id, double points) {
        collector.planned(new PlannedTest(id, id + " name", "p.SuiteTest", id, true, points, "task." + id,
                Visibility.VISIBLE));
    }

    private TestOutcome outcome(String id) {
        return collector.report("").tests().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("a test that started but never finished, and one that never started, end as the parent says with score 0")
    void unfinishedTestsEndWithTheParentsReason() {
        plan("a", 2);
        plan("b", 3);
        plan("c", 5);
        collector.started("a");
        collector.finished("a", TestStatus.PASSED, "", 40);
        collector.started("b");

        assertThat(collector.running()).as("tests running when the child went silent").containsExactly("b");
        assertThat(collector.pending()).as("tests that never started").containsExactly("c");

        clock.addAndGet(10_000);
        collector.endRun(TestStatus.TIMED_OUT, "stopped after 10 s, the limit per test",
                "not run: the test JVM was stopped after test b timed out");

        assertThat(outcome("a").score()).as("finished test keeps its score").isEqualTo(2.0);
        TestOutcome b = outcome("b");
        assertThat(b.status()).as("status of the hung test").isEqualTo(TestStatus.TIMED_OUT);
        assertThat(b.score()).as("score of the hung test").isZero();
        assertThat(b.message()).as("message of the hung test").isEqualTo("stopped after 10 s, the limit per test");
        assertThat(b.durationMillis()).as("duration measured by the collector's clock").isEqualTo(10_000);
        TestOutcome c = outcome("c");
        assertThat(c.status()).as("status of the test that never started").isEqualTo(TestStatus.NOT_RUN);
        assertThat(c.message()).as("its reason").startsWith("not run: the test JVM was stopped");
        assertThat(collector.report("").score()).as("total").isEqualTo(2.0);
        assertThat(collector.report("").maxScore()).as("maximum counts the unfinished tests").isEqualTo(10.0);
    }

    @Test
    @DisplayName("the first end of a test wins: a late event from the child cannot overturn the parent's verdict")
    void firstEndWins() {
        plan("a", 1);
        collector.started("a");
        collector.timedOut("a", "stopped after 10 s");
        collector.reportEntry("a", PartialCredit.FRACTION_KEY, "1.0");
        collector.finished("a", TestStatus.PASSED, "", 5);
        assertThat(outcome("a").status()).as("status after a late PASSED").isEqualTo(TestStatus.TIMED_OUT);
        assertThat(outcome("a").score()).as("score after a late PASSED").isZero();
    }

    @Test
    @DisplayName("without endRun, a report still names unfinished tests NOT_RUN with the default reasons")
    void reportWithoutEndRun() {
        plan("a", 1);
        plan("b", 1);
        collector.started("a");
        assertThat(outcome("a").message()).as("started, never finished").isEqualTo(GradeCollector.DEFAULT_RUNNING_REASON);
        assertThat(outcome("b").message()).as("never started").isEqualTo(GradeCollector.DEFAULT_PENDING_REASON);
        assertThat(outcome("a").status()).as("status").isEqualTo(TestStatus.NOT_RUN);
        collector.finished("a", TestStatus.PASSED, "");
        assertThat(outcome("a").status()).as("the collector was not changed by report()").isEqualTo(TestStatus.PASSED);
    }

    @Test
    @DisplayName("notRun marks one test with the reason, and events for unknown keys make an ungraded test")
    void notRunAndUnknownKeys() {
        plan("a", 4);
        collector.notRun("a", "the test JVM ran out of memory");
        collector.started("surprise");
        collector.finished("surprise", TestStatus.FAILED, "boom", 1);
        assertThat(outcome("a").status()).as("status").isEqualTo(TestStatus.NOT_RUN);
        assertThat(outcome("a").message()).as("reason").isEqualTo("the test JVM ran out of memory");
        TestOutcome surprise = outcome("surprise");
        assertThat(surprise.graded()).as("an unplanned test is ungraded").isFalse();
        assertThat(surprise.points()).as("and worth nothing").isZero();
    }

    @Test
    @DisplayName("report entries carry awards (clamped to [0, 1]), images and output; output is capped")
    void reportEntries() {
        plan("a", 2);
        collector.started("a");
        collector.reportEntry("a", PartialCredit.FRACTION_KEY, "7.5");
        collector.reportEntry("a", Attachments.IMAGE_KEY, "/tmp/loss.png");
        collector.reportEntry("a", "stdout", "x".repeat(GradeCollector.MAX_OUTPUT_CHARS));
        collector.output("a", "yyy");
        collector.finished("a", TestStatus.PASSED, "", 3);
        TestOutcome a = outcome("a");
        assertThat(a.score()).as("an award above 1 counts as 1").isEqualTo(2.0);
        assertThat(a.images()).as("images").containsExactly(Path.of("/tmp/loss.png"));
        assertThat(a.output()).as("capped output")
                .hasSize(GradeCollector.MAX_OUTPUT_CHARS + "\n... (output cut: 3 more characters)".length())
                .endsWith("(output cut: 3 more characters)");
    }

    @Test
    @DisplayName("an award that is not a number counts as 0, and fractions of points are rounded to 6 decimals")
    void badAwardsAndRounding() {
        plan("nan", 1);
        collector.reportEntry("nan", PartialCredit.FRACTION_KEY, "lots");
        collector.finished("nan", TestStatus.PASSED, "");
        plan("third", 1);
        collector.reportEntry("third", PartialCredit.FRACTION_KEY, "0.333333333");
        collector.finished("third", TestStatus.PASSED, "");
        assertThat(outcome("nan").score()).as("score with an unreadable award").isZero();
        assertThat(outcome("third").score()).as("rounded score").isEqualTo(0.333333);
    }

    @Test
    @DisplayName("planning a key again starts a new attempt (a rerun replaces the earlier result)")
    void replanningStartsOver() {
        plan("a", 1);
        collector.finished("a", TestStatus.FAILED, "first try");
        plan("a", 1);
        collector.finished("a", TestStatus.PASSED, "");
        assertThat(outcome("a").status()).as("status of the rerun").isEqualTo(TestStatus.PASSED);
        assertThat(collector.report("").tests()).as("one outcome per key").hasSize(1);
    }

    @Test
    @DisplayName("PlannedTest rejects negative points and points on an ungraded test")
    void plannedTestValidation() {
        assertThatThrownBy(() -> new PlannedTest("x", "x", "", "", true, -1, "t", Visibility.VISIBLE))
                .as("negative points").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> new PlannedTest("x", "x", "", "", false, 1, "", Visibility.VISIBLE))
                .as("ungraded with points").isInstanceOf(IllegalArgumentException.class);
    }
}
