package backproplab.grader.checks;

import static org.assertj.core.api.Assertions.assertThat;

import backproplab.grader.checks.fixtures.Bad$Name;
import backproplab.grader.checks.fixtures.BadBeans;
import backproplab.grader.checks.fixtures.BadClassLiteral;
import backproplab.grader.checks.fixtures.BadCleaner;
import backproplab.grader.checks.fixtures.BadClock;
import backproplab.grader.checks.fixtures.BadExecutor;
import backproplab.grader.checks.fixtures.BadExit;
import backproplab.grader.checks.fixtures.BadFieldType;
import backproplab.grader.checks.fixtures.BadFieldUpdater;
import backproplab.grader.checks.fixtures.BadFileIo;
import backproplab.grader.checks.fixtures.BadFinalizer;
import backproplab.grader.checks.fixtures.BadGetenv;
import backproplab.grader.checks.fixtures.BadGradCheckUtil;
import backproplab.grader.checks.fixtures.BadHalt;
import backproplab.grader.checks.fixtures.BadInheritedStatic;
import backproplab.grader.checks.fixtures.BadJmx;
import backproplab.grader.checks.fixtures.BadLambdaBody;
import backproplab.grader.checks.fixtures.BadLibrary;
import backproplab.grader.checks.fixtures.BadLogging;
import backproplab.grader.checks.fixtures.BadMethodHandles;
import backproplab.grader.checks.fixtures.BadMethodReference;
import backproplab.grader.checks.fixtures.BadNd4jDerivative;
import backproplab.grader.checks.fixtures.BadNd4jFile;
import backproplab.grader.checks.fixtures.BadNd4jPointer;
import backproplab.grader.checks.fixtures.BadNd4jSettings;
import backproplab.grader.checks.fixtures.BadNd4jUpdater;
import backproplab.grader.checks.fixtures.BadNestedDollar;
import backproplab.grader.checks.fixtures.BadNetwork;
import backproplab.grader.checks.fixtures.BadParallelStream;
import backproplab.grader.checks.fixtures.BadPrintStreamFile;
import backproplab.grader.checks.fixtures.BadProcess;
import backproplab.grader.checks.fixtures.BadProcessHandle;
import backproplab.grader.checks.fixtures.BadReflection;
import backproplab.grader.checks.fixtures.BadResource;
import backproplab.grader.checks.fixtures.BadSameDiff;
import backproplab.grader.checks.fixtures.BadScoringAccess;
import backproplab.grader.checks.fixtures.BadScript;
import backproplab.grader.checks.fixtures.BadServiceLoader;
import backproplab.grader.checks.fixtures.BadStackTrace;
import backproplab.grader.checks.fixtures.BadStackWalker;
import backproplab.grader.checks.fixtures.BadStaticInit;
import backproplab.grader.checks.fixtures.BadSystemStreams;
import backproplab.grader.checks.fixtures.BadThread;
import backproplab.grader.checks.fixtures.BadThreadLocal;
import backproplab.grader.checks.fixtures.BadUnsafe;
import backproplab.grader.checks.fixtures.BadUsesDemo;
import backproplab.grader.checks.fixtures.BadWait;
import backproplab.grader.checks.fixtures.BadXslt;
import backproplab.grader.checks.fixtures.CleanClass;
import backproplab.grader.checks.fixtures.CleanLoops;
import backproplab.grader.checks.fixtures.CleanMessages;
import backproplab.grader.checks.fixtures.CleanNd4j;
import backproplab.grader.checks.fixtures.CleanStreams;
import backproplab.grader.checks.fixtures.CleanTypes;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins every decision of the structure rules with a small bad class that breaks exactly one rule, in one place
 * it names, with the hint it gives; and checks that clean code in several styles, the given demo code, the
 * reference and the skeleton break none.
 */
@DisplayName("Structure rules")
class StudentCodeRulesTest {

    private static final String GIVEN = "backproplab.grader.checks.fixtures.given";
    private static final StudentCodeRules RULES = new StudentCodeRules(GIVEN);
    private static final ArchUnitStructureRules CHECKER = new ArchUnitStructureRules(RULES);
    private static final JavaClasses FIXTURES = ArchUnitStructureRules.importClasses(
            importer -> importer.importPackagesOf(CleanClass.class));
    private static final String ALLOWLIST = "only-allowed-apis";

    static Stream<Arguments> badClasses() {
        return Stream.of(
                // reflection and code that runs code: the ways around a denylist
                refused(BadReflection.class, "peek()", 10, "without reflection"),
                refused(BadResource.class, "hidden()", 10, "of Class, only names and type tests"),
                refused(BadMethodHandles.class, "lookup()", 12, "without reflection"),
                refused(BadFieldUpdater.class, "updater()", 14, "without reflection"),
                refused(BadBeans.class, "call()", 12, "java.beans works through reflection"),
                refused(BadServiceLoader.class, "providers()", 12, "service loaders"),
                refused(BadLogging.class, "log(double)", 12, "print with System.out.println instead of logging"),
                refused(BadXslt.class, "transformer()", 12, "the exercises need no XML"),
                refused(BadScript.class, "engine()", 12, "script engines"),
                refused(BadJmx.class, "arguments()", 12, "no JVM monitoring"),
                refused(BadUnsafe.class, "unsafe()", 10, "sun.misc.Unsafe"),
                // files and the network
                refused(BadFileIo.class, "peek()", 13, "the exercises need no files"),
                refused(BadPrintStreamFile.class, "open()", 12, "the exercises need no files"),
                refused(BadNd4jFile.class, "save(org.nd4j.linalg.api.ndarray.INDArray)", 13, "the exercises need no files"),
                refused(BadNetwork.class, "host()", 12, "the exercises need no network"),
                // threads, and code that runs later
                refused(BadThread.class, "background(java.lang.Runnable)", 10, "compute in the calling thread"),
                refused(BadThreadLocal.class, "<clinit>()", 9, "compute in the calling thread"),
                refused(BadExecutor.class, "later()", 12, "compute in the calling thread"),
                refused(BadParallelStream.class, "sum(java.util.List)", 12, "sequential streams"),
                refused(BadWait.class, "pause(java.lang.Object)", 11, "compute in the calling thread"),
                refused(BadCleaner.class, "watch(java.lang.Object)", 12, "run code later"),
                refused(BadStaticInit.class, "<clinit>()", 10, "leave the JVM's shared settings alone"),
                // the JVM, the process and what the grader shares
                refused(BadExit.class, "check(double)", 11, "instead of stopping the JVM"),
                refused(BadMethodReference.class, "stopper()", 12, "instead of stopping the JVM"),
                refused(BadHalt.class, "stop()", 10, "instead of stopping the JVM"),
                refused(BadLambdaBody.class, "cores()", 12, "no other programs, processes or JVM controls"),
                refused(BadProcess.class, "command()", 10, "no other programs, processes"),
                refused(BadProcessHandle.class, "parent()", 10, "no other programs, processes"),
                refused(BadSystemStreams.class, "silence()", 10, "leave the JVM's shared settings alone"),
                refused(BadGetenv.class, "home()", 10, "the environment and the system properties belong to the grader"),
                refused(BadInheritedStatic.class, "utc()", 16, "leave the JVM's shared settings alone"),
                refused(BadClock.class, "epochsWithin(long)", 10, "do not make results depend on the clock"),
                refused(BadStackWalker.class, "caller()", 10, "the exercises need no stack traces"),
                refused(BadStackTrace.class, "caller()", 10, "the exercises need no stack traces"),
                // a refused class named without being called
                refused(BadFieldType.class, "worker", 0, "compute in the calling thread"),
                refused(BadClassLiteral.class, "name()", 10, "no other programs, processes"),
                // ND4J: ready-made gradients, settings, native memory
                refused(BadSameDiff.class, "graph()", 12, "compute the gradient yourself"),
                refused(BadGradCheckUtil.class, "checker()", 12, "compute the gradient yourself"),
                refused(BadNd4jDerivative.class, "dSigmoid(org.nd4j.linalg.api.ndarray.INDArray)", 13,
                        "compute the gradient yourself"),
                refused(BadNd4jUpdater.class, "adam()", 12, "compute the gradient yourself"),
                refused(BadNd4jSettings.class, "floats()", 13, "belong to the course runtime"),
                refused(BadNd4jPointer.class, "address(org.nd4j.linalg.api.ndarray.INDArray)", 12, "use INDArray"),
                // other libraries and the course's own machinery
                refused(BadLibrary.class, "json(java.lang.Object)", 12, "it is not on the list of what the exercises may use"),
                refused(BadScoringAccess.class, "visibility()", 12, "must not use the grader, the scoring API"),
                refused(BadUsesDemo.class, "plot()", 12, "the demos use your classes, not the other way round"),
                // the rules besides the allowlist
                Arguments.of(BadFinalizer.class, "no-finalizers", "BadFinalizer.finalize()", "BadFinalizer.java", 14,
                        "outside the test"),
                Arguments.of(Bad$Name.class, "plain-class-names", "Bad$Name", "Bad$Name.java", 0, "is declared as 'Bad$Name'"),
                Arguments.of(BadNestedDollar.class, "plain-class-names", "BadNestedDollar$Layer$Cache",
                        "BadNestedDollar.java", 0, "is declared as 'Layer$Cache'"));
    }

    @ParameterizedTest(name = "{0} breaks exactly the rule {1}")
    @MethodSource("badClasses")
    @DisplayName("each bad class breaks exactly its rule; the message names the class, the member and the line, and says what to do")
    void badClassBreaksExactlyItsRule(Class<?> bad, String ruleId, String place, String file, int line, String hint) {
        StructureRule expected = RULES.byId(ruleId);

        List<CheckResult> results = CHECKER.check(only(bad));

        assertThat(results).as("one result per rule for %s", bad.getSimpleName()).hasSize(RULES.all().size());
        assertThat(results.stream().filter(r -> !r.passed()).map(CheckResult::name))
                .as("the rules %s breaks: expected exactly '%s'; messages: %s", bad.getSimpleName(),
                        ArchUnitStructureRules.checkName(expected), messages(results))
                .containsExactly(ArchUnitStructureRules.checkName(expected));
        String message = results.stream().filter(r -> !r.passed()).findFirst().orElseThrow().message();
        assertThat(message).as("the student's message for %s should name the place, the line and what to do", bad.getSimpleName())
                .contains(bad.getPackageName() + "." + place)
                .contains("(" + file + ":" + line + ")")
                .contains(hint)
                .contains(expected.title())
                .contains("because")
                .contains("What to do: " + expected.advice());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {CleanClass.class, CleanLoops.class, CleanStreams.class, CleanTypes.class, CleanMessages.class,
            CleanNd4j.class})
    @DisplayName("correct code in several styles (loops, streams, records and enums, messages and exceptions, ND4J) breaks no rule")
    void cleanClassBreaksNoRule(Class<?> clean) {
        List<CheckResult> results = CHECKER.check(only(clean));

        assertThat(results).as("results for %s and its nested types; messages: %s", clean.getSimpleName(), messages(results))
                .hasSize(RULES.all().size())
                .allMatch(CheckResult::passed);
    }

    @Test
    @DisplayName("the given demo code may write files and read the clock, which graded code may not")
    void givenCodeMayWriteFiles() {
        List<CheckResult> given = CHECKER.check(only(GivenDemo.class));

        assertThat(given).as("results for the given demo class, which writes a file; messages: %s", messages(given))
                .allMatch(CheckResult::passed);
    }

    @Test
    @DisplayName("every rule is a sentence with a reason")
    void rulesAreSentencesWithReasons() {
        assertThat(RULES.all()).as("structure rules").hasSize(3).allSatisfy(rule ->
                assertThat(rule.sentence()).as("sentence of rule %s", rule.id())
                        .startsWith("classes should ").contains(", because "));
        assertThat(RULES.all().stream().map(StructureRule::id)).as("rule ids")
                .containsExactly(ALLOWLIST, "no-finalizers", "plain-class-names");
    }

    @Test
    @DisplayName("a broken rule lists at most 12 places and counts the rest")
    void longListsAreCut() {
        List<String> places = Stream.iterate(1, i -> i + 1).limit(20).map(i -> "place " + i).toList();

        String message = ArchUnitStructureRules.message(RULES.byId(ALLOWLIST), places);

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
                .hasSize(RULES.all().size())
                .allMatch(CheckResult::passed);
    }

    /** A class the allowlist refuses: it breaks the allowlist rule in {@code member}, on {@code line}. */
    private static Arguments refused(Class<?> bad, String member, int line, String hint) {
        return Arguments.of(bad, ALLOWLIST, bad.getSimpleName() + "." + member, bad.getSimpleName() + ".java", line, hint);
    }

    /** The fixture class, its nested classes, and the given code (which a bad class may call). */
    private static JavaClasses only(Class<?> fixture) {
        return FIXTURES.that(DescribedPredicate.describe("is " + fixture.getSimpleName() + " or given code", (JavaClass c) ->
                c.getName().equals(fixture.getName()) || c.getName().startsWith(fixture.getName() + "$")
                        || c.getPackageName().equals(GIVEN)));
    }

    private static List<String> messages(List<CheckResult> results) {
        return results.stream().filter(r -> !r.passed()).map(CheckResult::message).toList();
    }
}
