package backproplab.grader.sandbox;

import backproplab.grader.protocol.TestPlanFile;
import backproplab.scoring.PlannedTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The tests the engine expects from the hidden suites, known before any test JVM starts: the plan that the suites
 * build wrote into the suites jar ({@link TestPlanFile}), so that every planned test appears in every report and
 * the maximum is the suites' full total whatever the test JVM does. Suites that have no written plan (an
 * instructor's own) are planned by the test JVM alone, as it discovers them.
 */
final class SuitePlan {

    private final List<PlannedTest> tests;

    private SuitePlan(List<PlannedTest> tests) {
        this.tests = List.copyOf(tests);
    }

    /** The plan bundled with the grader's suites, or an empty one when the grader has none. */
    static SuitePlan bundled() {
        try (InputStream in = SuitePlan.class.getClassLoader().getResourceAsStream(TestPlanFile.RESOURCE)) {
            return new SuitePlan(in == null ? List.of() : TestPlanFile.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plan of the given tests. */
    static SuitePlan of(List<PlannedTest> tests) {
        return new SuitePlan(tests);
    }

    /**
     * The planned tests that the given suites run, in plan order.
     *
     * @param suites packages or classes, as given to the test JVM
     * @return the tests of those suites that the plan knows
     */
    List<PlannedTest> forSuites(List<String> suites) {
        return tests.stream().filter(test -> suites.stream().anyMatch(suite -> belongsTo(test, suite))).toList();
    }

    private static boolean belongsTo(PlannedTest test, String suite) {
        String type = test.className();
        return type.equals(suite) || type.startsWith(suite + ".") || type.startsWith(suite + "$");
    }
}
