package backproplab.grader.report;

import backproplab.scoring.GradeReport;
import backproplab.scoring.Points;
import backproplab.scoring.TestOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code junit.xml} in the common JUnit XML (Ant / Surefire) shape that CI servers read.
 *
 * <p>One {@code <testsuites>} root with totals; one {@code <testsuite>} per task (named by task id, in
 * {@link ReportLayout} order); one {@code <testcase>} per test, {@code name} being the display name and
 * {@code classname} the test class. The suite's {@code <properties>} carry its {@code points} and
 * {@code max_points} and, for each of its tests, {@code test.<number>.points}, {@code test.<number>.max_points},
 * {@code test.<number>.visibility} and {@code test.<number>.status} (for example {@code test.2.3.points}); the
 * test cases follow in the order of their numbers. A failed test has {@code <failure>}; an aborted or skipped
 * one {@code <skipped>}; one that timed out or did not run {@code <error>}; each carries the first line of the
 * message as its {@code message} attribute and the whole message as text ({@code <failure>} and {@code <error>}
 * also the status as {@code type}). Captured output goes to {@code <system-out>}.
 * A run that was not simply graded adds one suite of one test before the tasks, holding the verdict's text:
 * {@code compilation} (an error, with the compiler's messages), {@code api} (a failure listing the API
 * differences, also for a graded run that has some), {@code refusal} (a failure naming the broken structure
 * rules), {@code submission} (an error: it could not be graded) or {@code grader} (an error: the grader
 * failed). Text is cleaned of terminal escapes and characters XML 1.0 forbids. Times are in seconds: per test from the report,
 * for the root from the run.
 *
 * <p>Every {@code <testsuite>} element is valid against Maven Surefire's test-report schema 3.0
 * ({@code surefire-test-report-3.0.xsd}) and its current revision 3.0.2, both kept under the engine's test
 * resources and checked by {@code JUnitXmlSchemaTest}. One deliberate deviation: the schema's root is a single
 * {@code <testsuite>} (Surefire writes one file per test class), while this file wraps all suites in a
 * {@code <testsuites>} root, as Ant's JUnit report, Jenkins, GitLab and GitHub test reporters read it, so that a
 * grading run stays one file. Per-test data lives in the suite's properties because the schema allows no
 * {@code <properties>} inside {@code <testcase>}, and {@code <skipped>} has no {@code type} because the schema
 * gives it none.
 */
public final class JUnitXmlReporter implements Reporter {

    /** The file name written. */
    public static final String FILE_NAME = "junit.xml";

    @Override
    public String fileName() {
        return FILE_NAME;
    }

    @Override
    public String render(GradeReport report, RunInfo run) {
        List<ReportLayout.Section> sections = ReportLayout.sections(report);
        Optional<RunCase> runCase = RunCase.of(run.verdict());
        int extraErrors = runCase.filter(c -> c.element().equals("error")).isPresent() ? 1 : 0;
        int extraFailures = runCase.filter(c -> c.element().equals("failure")).isPresent() ? 1 : 0;
        XmlWriter xml = new XmlWriter().declaration();
        xml.open("testsuites")
                .attribute("name", "Backprop Lab: " + run.submission())
                .attribute("tests", String.valueOf(report.tests().size() + extraErrors + extraFailures))
                .attribute("failures", String.valueOf(count(report.tests(), Kind.FAILURE) + extraFailures))
                .attribute("errors", String.valueOf(count(report.tests(), Kind.ERROR) + extraErrors))
                .attribute("skipped", String.valueOf(count(report.tests(), Kind.SKIPPED)))
                .attribute("time", seconds(run.executionSeconds()));
        runCase.ifPresent(c -> single(xml, c));
        for (ReportLayout.Section section : sections) {
            suite(xml, section);
        }
        xml.close();
        return xml.finish();
    }

    private static void suite(XmlWriter xml, ReportLayout.Section section) {
        List<TestOutcome> tests = section.tests().stream().map(ReportLayout.NumberedTest::test).toList();
        long millis = tests.stream().mapToLong(TestOutcome::durationMillis).sum();
        xml.open("testsuite")
                .attribute("name", section.task())
                .attribute("tests", String.valueOf(tests.size()))
                .attribute("failures", String.valueOf(count(tests, Kind.FAILURE)))
                .attribute("errors", String.valueOf(count(tests, Kind.ERROR)))
                .attribute("skipped", String.valueOf(count(tests, Kind.SKIPPED)))
                .attribute("time", seconds(millis / 1000.0));
        xml.open("properties");
        property(xml, "points", Points.format(section.score()));
        property(xml, "max_points", Points.format(section.maxScore()));
        for (ReportLayout.NumberedTest numbered : section.tests()) {
            TestOutcome test = numbered.test();
            String prefix = "test." + numbered.number() + ".";
            property(xml, prefix + "points", Points.format(test.score()));
            property(xml, prefix + "max_points", Points.format(test.points()));
            property(xml, prefix + "visibility", test.visibility().spelling());
            property(xml, prefix + "status", test.status().name());
        }
        xml.close();
        for (ReportLayout.NumberedTest numbered : section.tests()) {
            testcase(xml, numbered.test());
        }
        xml.close();
    }

    private static void testcase(XmlWriter xml, TestOutcome test) {
        xml.open("testcase")
                .attribute("name", test.displayName())
                .attribute("classname", test.className().isEmpty() ? test.id() : test.className())
                .attribute("time", seconds(test.durationMillis() / 1000.0));
        Kind kind = kind(test);
        if (kind != Kind.PASS) {
            xml.open(kind.element).attribute("message", firstLine(test.message()));
            if (kind != Kind.SKIPPED) {
                xml.attribute("type", test.status().name());
            }
            if (kind != Kind.SKIPPED || !test.message().isEmpty()) {
                xml.text(test.message());
            }
            xml.closeInline();
        }
        if (!test.output().isEmpty()) {
            xml.element("system-out", test.output());
        }
        xml.close();
    }

    private static void single(XmlWriter xml, RunCase runCase) {
        xml.open("testsuite").attribute("name", runCase.suite()).attribute("tests", "1")
                .attribute("failures", runCase.element().equals("failure") ? "1" : "0")
                .attribute("errors", runCase.element().equals("error") ? "1" : "0")
                .attribute("skipped", "0").attribute("time", seconds(0));
        xml.open("testcase").attribute("name", runCase.name()).attribute("classname", runCase.suite())
                .attribute("time", seconds(0));
        xml.open(runCase.element()).attribute("message", runCase.headline()).attribute("type", runCase.suite());
        xml.text(runCase.text());
        xml.closeInline();
        xml.close();
        xml.close();
    }

    /**
     * The one test case, in a suite of its own before the tasks, that says what the verdict is when there is
     * something to say.
     *
     * @param suite    the suite's name, also the test's class name and the type of its failure or error
     * @param name     the test's name, a sentence that the submission did not make true
     * @param element  {@code failure} (the student's code broke a requirement) or {@code error} (grading stopped)
     * @param headline the {@code message} attribute
     * @param text     the element's text
     */
    private record RunCase(String suite, String name, String element, String headline, String text) {

        static Optional<RunCase> of(Verdict verdict) {
            return verdict.accept(new Verdict.Cases<>() {
                @Override
                public Optional<RunCase> graded(Verdict.Graded graded) {
                    return graded.apiDifferences().isEmpty() ? Optional.empty()
                            : Optional.of(api(VerdictText.API_HEADLINE, graded.apiDifferences()));
                }

                @Override
                public Optional<RunCase> apiMismatch(Verdict.ApiMismatch mismatch) {
                    return Optional.of(api(VerdictText.API_MISMATCH_HEADLINE, mismatch.differences()));
                }

                @Override
                public Optional<RunCase> didNotCompile(Verdict.DidNotCompile failure) {
                    return Optional.of(new RunCase("compilation", "the submission compiles", "error",
                            "The submission did not compile.", text(failure)));
                }

                @Override
                public Optional<RunCase> refused(Verdict.Refused refusal) {
                    return Optional.of(new RunCase("refusal", "the code keeps the structure rules", "failure",
                            "The submission was refused: it breaks " + (refusal.brokenRules().size() == 1
                                    ? "the structure rule " : "the structure rules ")
                                    + VerdictText.quoted(refusal.ruleNames()) + ".", text(refusal)));
                }

                @Override
                public Optional<RunCase> invalidSubmission(Verdict.InvalidSubmission invalid) {
                    return Optional.of(new RunCase("submission", "the submission can be graded", "error",
                            "The submission could not be graded.", text(invalid)));
                }

                @Override
                public Optional<RunCase> graderFailed(Verdict.GraderFailed failure) {
                    return Optional.of(new RunCase("grader", "the grader runs to the end", "error",
                            "The grader failed; this is not the student's fault.", text(failure)));
                }
            });
        }

        private static RunCase api(String headline, List<String> differences) {
            return new RunCase("api", "the public API matches the skeleton", "failure", headline,
                    String.join("\n", differences));
        }

        private static String text(Verdict verdict) {
            return VerdictText.of(verdict).map(VerdictText::message).orElse("");
        }
    }

    private static void property(XmlWriter xml, String name, String value) {
        xml.empty("property", "name", name, "value", value);
    }

    private enum Kind {
        PASS(""), FAILURE("failure"), ERROR("error"), SKIPPED("skipped");

        private final String element;

        Kind(String element) {
            this.element = element;
        }
    }

    private static Kind kind(TestOutcome test) {
        return switch (test.status()) {
            case PASSED -> Kind.PASS;
            case FAILED -> Kind.FAILURE;
            case ABORTED, SKIPPED -> Kind.SKIPPED;
            case NOT_RUN, TIMED_OUT -> Kind.ERROR;
        };
    }

    private static long count(List<TestOutcome> tests, Kind kind) {
        return tests.stream().filter(t -> kind(t) == kind).count();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
