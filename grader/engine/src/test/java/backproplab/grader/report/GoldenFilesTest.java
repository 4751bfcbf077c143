package backproplab.grader.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins every results format with golden files, as Exercism's test runners do: a change of any field, name
 * or layout makes this test fail, on purpose.
 *
 * <p>When a format change is intended, regenerate the files and review the diff:
 * <pre>
 * ./mvnw -B -pl grader/engine -am test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=GoldenFilesTest -Dgolden.update=true
 * git diff grader/engine/src/test/resources/golden
 * </pre>
 * The files live in {@code grader/engine/src/test/resources/golden/<case>/}. The run's execution time is fixed in
 * {@link SampleReports}, so nothing in them depends on the machine or the clock.
 */
class GoldenFilesTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    @DisplayName("every reporter renders each sample report exactly as its golden file")
    List<DynamicTest> goldenFiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SampleReports.Case sample : SampleReports.goldenCases()) {
            for (Reporter reporter : Reporters.all()) {
                Path golden = SampleReports.GOLDEN_DIR.resolve(sample.name()).resolve(reporter.fileName());
                tests.add(DynamicTest.dynamicTest(reporter.fileName() + " of the " + sample.name() + " report matches "
                        + golden, () -> check(golden, reporter.render(sample.report(), sample.run()))));
            }
        }
        return tests;
    }

    private static void check(Path golden, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("Golden file %s is missing. Generate it with -Dgolden.update=true and review it.", golden);
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("%s differs from what the reporter writes now, first at %s.%n"
                    + "If the change is intended, regenerate with -Dgolden.update=true and review the diff.",
                    golden, firstDifference(expected, actual));
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "<end of file>";
            String g = i < got.length ? got[i] : "<end of file>";
            if (!w.equals(g)) {
                return "line " + (i + 1) + ":\n  expected: " + shorten(w) + "\n  actual:   " + shorten(g);
            }
        }
        return "an invisible difference (line ends?)";
    }

    private static String shorten(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
