package backproplab.skeleton;

import static backproplab.skeleton.SkeletonFixtures.edit;
import static backproplab.skeleton.SkeletonFixtures.read;
import static backproplab.skeleton.SkeletonFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import backproplab.skeleton.SkeletonGenerator.Difference;
import backproplab.skeleton.SkeletonGenerator.Difference.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The sync check between a solutions tree and its exercises tree")
class SkeletonSyncCheckTest {

    private static final String ACTIVATIONS = "backproplab/activations/Activations.java";
    private static final String CHAIN_RULE = "backproplab/chainrule/ChainRule.java";

    @TempDir
    Path work;
    private Path solutions;
    private Path exercises;

    @BeforeEach
    void regeneratedPair() throws IOException {
        solutions = SkeletonFixtures.writeSolutionsTree(work.resolve("solutions/src/main/java"));
        exercises = work.resolve("exercises/src/main/java");
        SkeletonGenerator.write(solutions, exercises);
    }

    @Test
    @DisplayName("finds no difference right after regenerating")
    void inSyncAfterWrite() {
        assertThat(SkeletonGenerator.diff(solutions, exercises))
                .as("differences between a fixture solutions tree and the exercises tree just generated from it").isEmpty();
    }

    @Test
    @DisplayName("writes every Java file transformed and copies other files as they are")
    void writesTree() throws IOException {
        assertThat(read(exercises.resolve(ACTIVATIONS)))
                .as("generated %s", ACTIVATIONS)
                .isEqualTo(SkeletonGenerator.transform(SkeletonFixtures.ACTIVATIONS, "Activations.java"))
                .contains("throw new UnsupportedOperationException(\"TODO [activations.sigmoid]");
        assertThat(read(exercises.resolve(CHAIN_RULE)))
                .as("generated %s keeps its argument validation and throws its TODO", CHAIN_RULE)
                .contains("throw new IllegalArgumentException(\"x is NaN\");", "TODO [chainrule.backward]")
                .doesNotContain("2 * u * 3");
        assertThat(read(exercises.resolve("backproplab/chainrule/notes.txt")))
                .as("non-Java file copied byte for byte, CRLF included").isEqualTo("copied as-is\r\n");
    }

    @Test
    @DisplayName("fails when someone edits only the solution side, naming the file")
    void solutionEditedOnly() throws IOException {
        edit(solutions.resolve(ACTIVATIONS), "clipped to [-500, 500]", "clipped to [-600, 600]");

        List<Difference> differences = SkeletonGenerator.diff(solutions, exercises);

        assertThat(differences).as("differences after changing the sigmoid TODO text in solutions only")
                .singleElement()
                .satisfies(difference -> {
                    assertThat(difference.kind()).as("kind of difference").isEqualTo(Kind.CHANGED);
                    assertThat(difference.relativePath()).as("file named by the difference").isEqualTo(ACTIVATIONS);
                    assertThat(difference.describe()).as("description: the old line as '-' and the regenerated line as '+'")
                            .contains("differs: " + ACTIVATIONS, "-        throw", "[-500, 500]", "+        throw", "[-600, 600]");
                });
    }

    @Test
    @DisplayName("fails when someone edits only the exercise side, naming the file")
    void exerciseEditedOnly() throws IOException {
        edit(exercises.resolve(CHAIN_RULE), "throw new UnsupportedOperationException(", "return 0; // (");

        assertThat(SkeletonGenerator.diff(solutions, exercises))
                .as("differences after hand-editing %s in exercises only", CHAIN_RULE)
                .extracting(Difference::kind, Difference::relativePath)
                .containsExactly(tuple(Kind.CHANGED, CHAIN_RULE));
    }

    @Test
    @DisplayName("reports a solution file that was never generated and an exercise file left over")
    void missingAndExtraFiles() throws IOException {
        write(solutions.resolve("backproplab/extra/NewExercise.java"), "package backproplab.extra;\nclass NewExercise {}\n");
        write(exercises.resolve("backproplab/gone/Removed.java"), "class Removed {}\n");

        assertThat(SkeletonGenerator.diff(solutions, exercises))
                .as("differences after adding a solution file and an exercise-only .java file")
                .extracting(Difference::kind, Difference::relativePath)
                .containsExactly(
                        tuple(Kind.MISSING, "backproplab/extra/NewExercise.java"),
                        tuple(Kind.EXTRA, "backproplab/gone/Removed.java"));
    }

    @Test
    @DisplayName("regenerating repairs every kind of drift, deletes stale files and touches nothing outside the exercises root")
    void regenerateRepairs() throws IOException {
        edit(solutions.resolve(ACTIVATIONS), "clipped to [-500, 500]", "clipped to [-600, 600]");
        edit(exercises.resolve(CHAIN_RULE), "throw new UnsupportedOperationException(", "return 0; // (");
        write(exercises.resolve("backproplab/gone/Removed.java"), "class Removed {}\n");
        Path visibleTest = work.resolve("exercises/src/test/java/backproplab/gone/RemovedTest.java");
        write(visibleTest, "class RemovedTest {}\n");
        Path pom = work.resolve("exercises/pom.xml");
        write(pom, "<project/>\n");

        SkeletonGenerator.WriteReport report = SkeletonGenerator.write(solutions, exercises);

        assertThat(SkeletonGenerator.diff(solutions, exercises)).as("differences after regenerating").isEmpty();
        assertThat(report.staleDeleted()).as("stale files deleted by regenerating").containsExactly("backproplab/gone/Removed.java");
        assertThat(report.filesWritten()).as("files rewritten: only the two that drifted").isEqualTo(2);
        assertThat(exercises.resolve("backproplab/gone")).as("directory emptied by deleting the stale file").doesNotExist();
        assertThat(read(visibleTest)).as("file outside the exercises root (a visible test)").isEqualTo("class RemovedTest {}\n");
        assertThat(read(pom)).as("file outside the exercises root (exercises/pom.xml)").isEqualTo("<project/>\n");
    }

    @Test
    @DisplayName("writes nothing when the tree is already in sync")
    void idempotent() {
        assertThat(SkeletonGenerator.write(solutions, exercises).filesWritten())
                .as("files rewritten by a second regeneration of an in-sync tree").isZero();
    }

    @Test
    @DisplayName("treats a CRLF checkout of the exercises as in sync")
    void crlfCheckoutInSync() throws IOException {
        Path file = exercises.resolve(ACTIVATIONS);
        write(file, read(file).replace("\n", "\r\n"));

        assertThat(SkeletonGenerator.diff(solutions, exercises))
                .as("differences when %s only has Windows line endings", ACTIVATIONS).isEmpty();
    }

    @Test
    @DisplayName("generates the same sorted result every time")
    void deterministic() {
        SortedMap<String, String> first = SkeletonGenerator.generate(solutions);

        assertThat(first.keySet()).as("generated relative paths, sorted").containsExactly(
                ACTIVATIONS, CHAIN_RULE, "backproplab/chainrule/notes.txt");
        assertThat(SkeletonGenerator.generate(solutions)).as("a second generation of the same tree").isEqualTo(first);
    }

    @Test
    @DisplayName("collects marker problems from every file and writes nothing when any file is malformed")
    void malformedTreeWritesNothing() throws IOException {
        edit(solutions.resolve(ACTIVATIONS), "        // END SOLUTION\n", "");
        edit(solutions.resolve(CHAIN_RULE), " | docs/01-chain-rule.md#backward", "");
        edit(solutions.resolve(CHAIN_RULE), "return 2 * u * 3;", "return 6 * u;");
        String before = read(exercises.resolve(CHAIN_RULE));

        assertThatThrownBy(() -> SkeletonGenerator.write(solutions, exercises))
                .as("regenerating a tree with a broken marker in each of two files")
                .isInstanceOf(SkeletonGenerator.SkeletonException.class)
                .hasMessageContaining(solutions.resolve(ACTIVATIONS).toString().replace('\\', '/') + ":15: ")
                .hasMessageContaining(solutions.resolve(CHAIN_RULE).toString().replace('\\', '/') + ":10: ");
        assertThat(read(exercises.resolve(CHAIN_RULE))).as("exercise file after a failed regeneration").isEqualTo(before);
    }

    @Test
    @DisplayName("refuses roots that overlap, so it can never delete its own input")
    void overlappingRoots() {
        assertThatThrownBy(() -> SkeletonGenerator.write(solutions, solutions.resolve("backproplab")))
                .as("regenerating into a directory inside the solutions root")
                .isInstanceOf(SkeletonGenerator.SkeletonException.class)
                .hasMessageContaining("must not overlap");
        assertThat(solutions.resolve(ACTIVATIONS)).as("solution file after the refused call").exists();
    }

    @Test
    @DisplayName("treats an empty solutions tree and an empty exercises tree as in sync")
    void emptyTrees() throws IOException {
        Path emptySolutions = Files.createDirectories(work.resolve("empty/solutions"));
        Path emptyExercises = work.resolve("empty/exercises");

        assertThat(SkeletonGenerator.diff(emptySolutions, emptyExercises))
                .as("differences between an empty solutions tree and a missing exercises tree").isEmpty();
    }
}
