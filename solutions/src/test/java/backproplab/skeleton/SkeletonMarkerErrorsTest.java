package backproplab.skeleton;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Malformed solution markers are rejected with file and line")
class SkeletonMarkerErrorsTest {

    private static final String GOOD_BEGIN = "// BEGIN SOLUTION [demo.f] return one | docs/09-demo.md#f";

    static Stream<Arguments> malformedSources() {
        return Stream.of(
                Arguments.of("END without BEGIN",
                        body("return 1;", "// END SOLUTION"), 4, "without a matching // BEGIN SOLUTION"),
                Arguments.of("nested BEGIN",
                        body(GOOD_BEGIN, GOOD_BEGIN, "return 1;", "// END SOLUTION", "// END SOLUTION"), 4,
                        "nested BEGIN SOLUTION: region [demo.f] opened at line 3"),
                Arguments.of("BEGIN never closed",
                        body(GOOD_BEGIN, "return 1;"), 3, "is never closed"),
                Arguments.of("missing task id",
                        body("// BEGIN SOLUTION return one | docs/09-demo.md#f", "return 1;", "// END SOLUTION"), 3,
                        "missing its task id"),
                Arguments.of("task id without a package part",
                        body("// BEGIN SOLUTION [f] return one | docs/09-demo.md#f", "return 1;", "// END SOLUTION"), 3,
                        "task id `f` is not of the form package.method"),
                Arguments.of("unclosed task id bracket",
                        body("// BEGIN SOLUTION [demo.f return one | docs/09-demo.md#f", "return 1;", "// END SOLUTION"), 3,
                        "no closing bracket"),
                Arguments.of("missing description",
                        body("// BEGIN SOLUTION [demo.f] | docs/09-demo.md#f", "return 1;", "// END SOLUTION"), 3,
                        "no description of what to implement"),
                Arguments.of("missing '|' section",
                        body("// BEGIN SOLUTION [demo.f] return one", "return 1;", "// END SOLUTION"), 3,
                        "has no `| docs/NN-name.md#anchor` part"),
                Arguments.of("'|' section that is not a README anchor",
                        body("// BEGIN SOLUTION [demo.f] return |x| | see the notebook", "return 1;", "// END SOLUTION"), 3,
                        "found `see the notebook`"),
                Arguments.of("README link without an anchor",
                        body("// BEGIN SOLUTION [demo.f] return one | docs/09-demo.md", "return 1;", "// END SOLUTION"), 3,
                        "found `docs/09-demo.md`"),
                Arguments.of("code after the region",
                        body(GOOD_BEGIN, "int one = 1;", "// END SOLUTION", "", "// a comment is fine", "return one;"), 5,
                        "not the tail of a method or constructor body: after // END SOLUTION the next code line must be "
                                + "the body's closing brace `}`, found `return one;` at line 8"),
                Arguments.of("two regions back to back in one body",
                        body(GOOD_BEGIN, "int one = 1;", "// END SOLUTION", GOOD_BEGIN, "return 1;", "// END SOLUTION"), 5,
                        "not the tail"),
                Arguments.of("region at the end of the file",
                        "class A {\n  int f() {\n" + GOOD_BEGIN + "\nreturn 1;\n// END SOLUTION\n", 5,
                        "found the end of the file"),
                Arguments.of("BEGIN marker after code on the same line",
                        body("int x = 1; " + GOOD_BEGIN, "return x;", "// END SOLUTION"), 3, "must stand alone on its line"),
                Arguments.of("END marker after code on the same line",
                        body(GOOD_BEGIN, "return 1; // END SOLUTION"), 4, "must stand alone on its line"),
                Arguments.of("HINT line in the middle of a region",
                        body(GOOD_BEGIN, "int one = 1;", "// HINT: would be silently dropped", "return one;", "// END SOLUTION"), 5,
                        "put HINT lines directly after the BEGIN SOLUTION line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSources")
    @DisplayName("each malformed marker fails with a message naming Demo.java and the offending line")
    void rejects(String problem, String source, int line, String expectedFragment) {
        assertThatThrownBy(() -> SkeletonGenerator.transform(source, "src/Demo.java"))
                .as("transform of a source with: %s — expected a SkeletonException at src/Demo.java:%d", problem, line)
                .isInstanceOf(SkeletonGenerator.SkeletonException.class)
                .hasMessageStartingWith("src/Demo.java:" + line + ": ")
                .hasMessageContaining(expectedFragment);
    }

    /** {@code class A { int f() { <lines> } }} with the body lines starting at line 3. */
    private static String body(String... lines) {
        return "class A {\n  int f() {\n" + String.join("\n", lines) + "\n  }\n}\n";
    }
}
