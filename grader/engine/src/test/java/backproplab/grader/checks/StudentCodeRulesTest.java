package backproplab.grader.checks;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.checks.CheckResult;
import backproplab.grader.checks.fixtures.BadExecutor;
import backproplab.grader.checks.fixtures.BadExit;
import backproplab.grader.checks.fixtures.BadFileIo;
import backproplab.grader.checks.fixtures.BadGradCheckUtil;
import backproplab.grader.checks.fixtures.BadHalt;
import backproplab.grader.checks.fixtures.BadLibrary;
import backproplab.grader.checks.fixtures.BadMethodHandles;
import backproplab.grader.checks.fixtures.BadNd4jDerivative;
import backproplab.grader.checks.fixtures.BadNd4jFile;
import backproplab.grader.checks.fixtures.BadNd4jUpdater;
import backproplab.grader.checks.fixtures.BadNetwork;
import backproplab.grader.checks.fixtures.BadParallelStream;
import backproplab.grader.checks.fixtures.BadProcess;
import backproplab.grader.checks.fixtures.BadReflection;
import backproplab.grader.checks.fixtures.BadSameDiff;
import backproplab.grader.checks.fixtures.BadScoringAccess;
import backproplab.grader.checks.fixtures.BadSystemStreams;
import backproplab.grader.checks.fixtures.BadThread;
import backproplab.grader.checks.fixtures.BadUnsafe;
import backproplab.grader.checks.fixtures.BadUsesDemo;
import backproplab.grader.checks.fixtures.CleanClass;
import backproplab.grader.checks.fixtures.given.GivenDemo;
import backproplab.grader.e2e.CourseTree;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins every structure rule with a small bad class that breaks exactly that rule and no other, and checks that
 * clean code, the given demo code, the reference and the skeleton break none.
 */
@DisplayName("Structure rules")
class StudentCodeRulesTest {

    /** The fixtures live inside backproplab.grader, so the test names the machinery packages they must not use. */
    private static final StudentCodeRules RULES = new StudentCodeRules("backproplab.grader.checks.fixtures.given",
            List.of("backproplab.scoring", "backproplab.grader.sandbox", "backproplab.grader.cli"));
    private static final ArchUnitStructureRules CHECKER = new ArchUnitStructureRules(RULES);
    private static final JavaClasses FIXTURES = ArchUnitStructureRules.importClasses(
            importer -> importer.importPackagesOf(CleanClass.class));

    static Stream<Arguments> badClasses() {
        return Stream.of(
                Arguments.of(BadReflection.class, "no-reflection", "peek()", 10),
                Arguments.of(BadMethodHandles.class, "no-reflection", "lookup()", 12),
                Arguments.of(BadFileIo.class, "no-file-or-network-io", "peek()", 13),
                Arguments.of(BadNetwork.class, "no-file-or-network-io", "host()", 12),
                Arguments.of(BadNd4jFile.class, "no-file-or-network-io", "save(org.nd4j.linalg.api.ndarray.INDArray)", 13),
                Arguments.of(BadThread.class, "no-threads", "background(java.lang.Runnable)", 10),
                Arguments.of(BadExecutor.class, "no-threads", "later()", 12),
                Arguments.of(BadParallelStream.class, "no-threads", "sum(java.util.List)", 12),
                Arguments.of(BadExit.class, "no-exit-or-processes", "check(double)", 11),
                Arguments.of(BadHalt.class, "no-exit-or-processes", "stop()", 10),
                Arguments.of(BadProcess.class, "no-exit-or-processes", "command()", 10),
                Arguments.of(BadSystemStreams.class, "no-global-jvm-state", "silence()", 10),
                Arguments.of(BadUnsafe.class, "no-unsafe", "unsafe()", 10),
                Arguments.of(BadSameDiff.class, "no-ready-made-backprop", "graph()", 12),
                Arguments.of(BadGradCheckUtil.class, "no-ready-made-backprop", "checker()", 12),
                Arguments.of(BadNd4jDerivative.class, "no-ready-made-backprop", "dSigmoid(org.nd4j.linalg.api.ndarray.INDArray)", 13),
                Arguments.of(BadNd4jUpdater.class, "no-ready-made-backprop", "adam()", 12),
                Arguments.of(BadLibrary.class, "only-course-libraries", "json(java.lang.Object)", 12),
                Arguments.of(BadScoringAccess.class, "no-grading-machinery", "visibility()", 12),
                Arguments.of(BadUsesDemo.class, "no-grading-machinery", "plot()", 12));
    }

    @ParameterizedTest(name = "{0} breaks exactly the rule {1}")
    @MethodSource("badClasses")
    @DisplayName("each bad class breaks exactly its rule, and the message names the class, the member and the line")
    void badClassBreaksExactlyItsRule(Class<?> bad, String ruleId, String member, int line) {
        StructureRule expected = RULES.byId(ruleId);

        List<CheckResult> results = CHECKER.check(only(bad));

        assertThat(results).as("one result per rule for %s", bad.getSimpleName()).hasSize(RULES.all().size());
        assertThat(results.stream().filter(r -> !r.passed()).map(CheckResult::name))
                .as("the rules %s breaks: expected exactly '%s'; messages: %s", bad.getSimpleName(),
                        ArchUnitStructureRules.checkName(expected), messages(results))
                .containsExactly(ArchUnitStructureRules.checkName(expected));
        String message = results.stream().filter(r -> !r.passed()).findFirst().orElseThrow().message();
        assertThat(message).as("the student's message for %s should name the member and the line", bad.getSimpleName())
                .contains(bad.getName() + "." + member)
                .contains("(" + bad.getSimpleName() + ".java:" + line + ")")
                .contains(expected.title())
                .contains("because")
                .contains("What to do: " + expected.advice());
    }

    @Test
    @DisplayName("clean code that uses lambdas, records, enums, assert, string concatenation, ND4J and printing breaks no rule")
    void cleanClassBreaksNoRule() {
        List<CheckResult> results = CHECKER.check(only(CleanClass.class));

        assertThat(results).as("results for CleanClass and its nested types; messages: %s", messages(results))
                .hasSize(RULES.all().size())
                .allMatch(CheckResult::passed);
    }

    @Test
    @DisplayName("the given demo code may write files, but graded code may not: the same call breaks the I/O rule outside it")
    void givenCodeMayWriteFiles() {
        List<CheckResult> given = CHECKER.check(only(GivenDemo.class));

        assertThat(given).as("results for the given demo class, which writes a file; messages: %s", messages(given))
                .allMatch(CheckResult::passed);
    }

    @Test
    @DisplayName("every rule is a sentence with a reason")
    void rulesAreSentencesWithReasons() {
        assertThat(RULES.all()).as("structure rules").hasSize(9).allSatisfy(rule ->
                assertThat(rule.sentence()).as("sentence of rule %s", rule.id())
                        .startsWith("no classes ").contains(" should ").contains(", because "));
        assertThat(RULES.all().stream().map(StructureRule::id)).as("rule ids").doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a broken rule lists at most 12 places and counts the rest")
    void longListsAreCut() {
        List<String> places = Stream.iterate(1, i -> i + 1).limit(20).map(i -> "place " + i).toList();

        String message = ArchUnitStructureRules.message(RULES.byId("no-threads"), places);

        assertThat(message).as("message for 20 places").contains("in 20 places").contains("place 12")
                .doesNotContain("place 13").contains("... and 8 more.");
    }

    @Test
    @DisplayName("the reference solution breaks no rule")
    void referenceBreaksNoRule(@TempDir Path work) {
        List<CheckResult> results = new ArchUnitStructureRules().check(CourseTree.compile(CourseTree.reference(), work));

        assertThat(results).as("structure rules on solutions/src/main/java; messages: %s", messages(results))
                .hasSize(RULES.all().size())
                .allMatch(CheckResult::passed);
    }

    @Test
    @DisplayName("the skeleton breaks no rule")
    void skeletonBreaksNoRule(@TempDir Path work) {
        List<CheckResult> results = new ArchUnitStructureRules().check(CourseTree.compile(CourseTree.skeleton(), work));

        assertThat(results).as("structure rules on exercises/src/main/java; messages: %s", messages(results))
                .allMatch(CheckResult::passed);
    }

    /** The fixture class and its nested classes. */
    private static JavaClasses only(Class<?> fixture) {
        return FIXTURES.that(DescribedPredicate.describe("is " + fixture.getSimpleName(), (JavaClass c) ->
                c.getName().equals(fixture.getName()) || c.getName().startsWith(fixture.getName() + "$")));
    }

    private static List<String> messages(List<CheckResult> results) {
        return results.stream().filter(r -> !r.passed()).map(CheckResult::message).toList();
    }
}
