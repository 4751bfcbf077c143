package backproplab.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.scoring.fixtures.AbortedAndSkippedFixture;
import backproplab.scoring.fixtures.BeforeAllFailsFixture;
import backproplab.scoring.fixtures.ClassDefaultsFixture;
import backproplab.scoring.fixtures.ImagesAndOutputFixture;
import backproplab.scoring.fixtures.LongMessageFixture;
import backproplab.scoring.fixtures.PartialCreditFixture;
import backproplab.scoring.fixtures.UngradedFixture;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ScoringListenerTest {

    private static TestOutcome only(GradeReport report, String methodName) {
        List<TestOutcome> matches = report.tests().stream().filter(t -> t.methodName().equals(methodName)).toList();
        assertThat(matches).as("outcomes for method %s in report %s", methodName, report.tests()).hasSize(1);
        return matches.get(0);
    }

    @Test
    @DisplayName("a class-level @Graded is the default for its methods and nested classes, and a method-level one wins")
    void classDefaultsAndMethodOverride() {
        GradeReport report = FixtureRun.score(ClassDefaultsFixture.class);

        TestOutcome inherited = only(report, "inheritsDefault");
        assertThat(inherited.graded()).as("inheritsDefault graded by the class default").isTrue();
        assertThat(inherited.task()).as("task of inheritsDefault").isEqualTo("fixture.defaults");
        assertThat(inherited.score()).as("score of a passing 1-point test").isEqualTo(1.0);
        assertThat(inherited.status()).as("status of inheritsDefault").isEqualTo(TestStatus.PASSED);
        assertThat(inherited.displayName()).as("display name").isEqualTo("inherits the class default");
        assertThat(inherited.message()).as("message of a plain pass").isEmpty();

        TestOutcome overridden = only(report, "overridesAndFails");
        assertThat(overridden.points()).as("points from the method annotation, not the class").isEqualTo(3.0);
        assertThat(overridden.task()).as("task from the method annotation").isEqualTo("fixture.override");
        assertThat(overridden.visibility()).as("visibility from the method annotation").isEqualTo(Visibility.HIDDEN);
        assertThat(overridden.score()).as("score of a failed test without award").isZero();
        assertThat(overridden.status()).as("status of the failing test").isEqualTo(TestStatus.FAILED);
        assertThat(overridden.message()).as("student message: the AssertJ description, no stack trace")
                .contains("[shape of dW2]").doesNotContain("\tat ").doesNotContain("org.assertj");

        TestOutcome nested = only(report, "nestedInheritsOuterDefault");
        assertThat(nested.points()).as("a @Nested test inherits the enclosing class's points").isEqualTo(1.0);
        assertThat(nested.className()).as("class of the nested test").endsWith("ClassDefaultsFixture$Inner");

        assertThat(report.score()).as("total: 1 + 0 + 1").isEqualTo(2.0);
        assertThat(report.maxScore()).as("maximum: 1 + 3 + 1").isEqualTo(5.0);
        assertThat(report.tasks()).as("tasks in order of first appearance")
                .containsExactly("fixture.defaults", "fixture.override");
        assertThat(report.backend()).as("backend line from the supplier").isEqualTo(FixtureRun.BACKEND);
    }

    @Test
    @DisplayName("partial credit counts on a pass, is kept after a failure, and the last award wins")
    void partialCredit() {
        GradeReport report = FixtureRun.score(PartialCreditFixture.class);

        TestOutcome quarter = only(report, "passesWithQuarterAward");
        assertThat(quarter.status()).as("status").isEqualTo(TestStatus.PASSED);
        assertThat(quarter.score()).as("0.25 of 4 points").isEqualTo(1.0);
        assertThat(quarter.message()).as("the reason is shown on a partial pass")
                .isEqualTo("Partial credit: 25 % of 4.0 points (one of four tiers).");

        TestOutcome half = only(report, "failsAfterHalfAward");
        assertThat(half.status()).as("status").isEqualTo(TestStatus.FAILED);
        assertThat(half.score()).as("a failure keeps the award published before it: 0.5 of 2").isEqualTo(1.0);
        assertThat(half.message()).as("failure first, then the kept credit")
                .startsWith("[test accuracy]")
                .endsWith("Partial credit kept: 50 % of 2.0 points (accuracy reached the 90 % tier).");

        TestOutcome none = only(report, "failsWithoutAward");
        assertThat(none.score()).as("failure without award").isZero();
        assertThat(none.message()).as("exception type and message for a non-assertion failure")
                .isEqualTo("IllegalStateException: network not trained");

        assertThat(only(report, "lastAwardCounts").score()).as("0.6 (the last award) of 3 points").isEqualTo(1.8);
        assertThat(report.score()).as("1 + 1 + 0 + 1.8").isEqualTo(3.8);
    }

    @Test
    @DisplayName("tests without @Graded are reported as ungraded, worth 0 of 0")
    void ungraded() {
        GradeReport report = FixtureRun.score(UngradedFixture.class);
        TestOutcome plain = only(report, "plainTest");
        assertThat(plain.graded()).as("graded flag").isFalse();
        assertThat(plain.points()).as("points").isZero();
        assertThat(plain.status()).as("it still ran").isEqualTo(TestStatus.PASSED);
        assertThat(report.gradedTests()).as("graded tests").isEmpty();
        assertThat(report.backend()).as("no graded test, so the backend is not asked").isEmpty();
    }

    @Test
    @DisplayName("aborted and skipped graded tests score 0 and keep the reason")
    void abortedAndSkipped() {
        GradeReport report = FixtureRun.score(AbortedAndSkippedFixture.class);
        TestOutcome aborted = only(report, "aborted");
        assertThat(aborted.status()).as("status of a failed assumption").isEqualTo(TestStatus.ABORTED);
        assertThat(aborted.score()).as("score").isZero();
        assertThat(aborted.message()).as("the assumption's message").contains("ND4J native library not available");
        TestOutcome skipped = only(report, "skipped");
        assertThat(skipped.status()).as("status of a @Disabled test").isEqualTo(TestStatus.SKIPPED);
        assertThat(skipped.score()).as("score").isZero();
        assertThat(skipped.points()).as("points still count towards the maximum").isEqualTo(1.0);
        assertThat(skipped.message()).as("the @Disabled reason").isEqualTo("not part of this assignment");
    }

    @Test
    @DisplayName("attached images and captured standard output are kept on the outcome")
    void imagesAndOutput() {
        TestOutcome test = only(FixtureRun.score(ImagesAndOutputFixture.class), "attachesLossCurve");
        assertThat(test.images()).as("attached image paths").containsExactly(ImagesAndOutputFixture.LOSS_CURVE);
        assertThat(test.output()).as("captured stdout").contains("epoch 2000 loss 0.0093");
        assertThat(test.score()).as("score").isEqualTo(2.0);
    }

    @Test
    @DisplayName("a flood of a message is cut to FailureMessages.MAX_CHARS with a note saying how much was cut")
    void longMessagesAreCut() {
        TestOutcome test = only(FixtureRun.score(LongMessageFixture.class), "floodsTheMessage");
        assertThat(test.message().length()).as("message length")
                .isLessThanOrEqualTo(FailureMessages.MAX_CHARS + 60);
        assertThat(test.message()).as("the note at the end").containsPattern("\\(message cut: \\d+ more characters\\)$");
    }

    @Test
    @DisplayName("when @BeforeAll fails, every test of the class fails with the class's message and scores 0")
    void failingClassSetUp() {
        GradeReport report = FixtureRun.score(BeforeAllFailsFixture.class);
        assertThat(report.tests()).as("both planned tests are reported").hasSize(2);
        for (TestOutcome test : report.tests()) {
            assertThat(test.status()).as("status of %s", test.id()).isEqualTo(TestStatus.FAILED);
            assertThat(test.score()).as("score of %s", test.id()).isZero();
            assertThat(test.message()).as("message of %s", test.id())
                    .contains("could not run its tests")
                    .contains("UnsupportedOperationException: TODO: NeuralNetwork constructor");
        }
        assertThat(report.maxScore()).as("maximum still counts both tests").isEqualTo(4.0);
    }

    @Test
    @DisplayName("running several fixture classes keeps plan order and sums points over all of them")
    void planOrderAndTotals() {
        GradeReport report = FixtureRun.score(UngradedFixture.class, PartialCreditFixture.class);
        assertThat(report.tests().get(0).methodName()).as("first test in plan order").isEqualTo("plainTest");
        assertThat(report.maxScore()).as("4 + 2 + 2 + 3, ungraded adds nothing").isEqualTo(11.0);
        assertThat(report.tests()).as("every outcome id is unique")
                .extracting(TestOutcome::id).doesNotHaveDuplicates();
    }
}
