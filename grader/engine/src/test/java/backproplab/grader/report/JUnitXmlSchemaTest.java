package backproplab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * junit.xml against Maven Surefire's own test-report schema, so that CI servers that validate it accept it. The
 * real graded runs (the reference, the skeleton and every mutant) are checked the same way in
 * {@code ReferenceAndSkeletonTest} and {@code MutantsTest}.
 */
class JUnitXmlSchemaTest {

    static java.util.List<SampleReports.Case> cases() {
        return SampleReports.allCases();
    }

    @ParameterizedTest(name = "{0} report")
    @MethodSource("cases")
    @DisplayName("every suite of junit.xml is valid against the Surefire 3.0 test-report schema")
    void everySuiteIsValid(SampleReports.Case sample) {
        String xml = new JUnitXmlReporter().render(sample.report(), sample.run());
        assertThat(SurefireSchema.problems(xml)).as("schema problems of the %s junit.xml", sample.name()).isEmpty();
    }

    @Test
    @DisplayName("the schema check catches the old layout: <properties> inside <testcase> and a type on <skipped>")
    void theCheckCatchesTheOldLayout() {
        String old = """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="x" tests="1" failures="0" errors="0" skipped="1" time="0.000">
                  <testsuite name="activations.sigmoid" tests="1" failures="0" errors="0" skipped="1" time="0.000">
                    <testcase name="bonus" classname="A" time="0.000">
                      <properties><property name="number" value="1.1"/></properties>
                      <skipped message="not part of this assignment" type="SKIPPED">not part of this assignment</skipped>
                    </testcase>
                  </testsuite>
                </testsuites>
                """;
        assertThat(SurefireSchema.problems(old)).as("problems of the old layout")
                .anyMatch(p -> p.contains("properties")).anyMatch(p -> p.contains("type"));
    }
}
