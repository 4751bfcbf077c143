package backproplab.grader.cli;

import static backproplab.grader.cli.CliRun.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing a submission leaves behind changes the next grade: an attacker that writes into /tmp, JavaCPP's cache
 * folder in its home, the submission and output folders, sets system properties and starts a background process is
 * graded, then an honest submission; the honest results equal those of the honest submission graded alone (timings
 * aside), the background process is gone, and a results.json planted in the output folder is replaced by the
 * grader's and named as tampering. Under every isolation level; under full, the attacker's files never reach the
 * machine at all.
 */
@DisplayName("nothing survives a grading run")
class NothingSurvivesTest {

    private static final String SIGMOID = "    public static double sigmoid(double z) {\n";

    @TempDir
    Path temp;

    @ParameterizedTest(name = "--isolation {0}")
    @ValueSource(strings = {"full", "modules", "none"})
    @DisplayName("an attacker graded first changes nothing in the next honest grade")
    void attackerThenHonest(String isolation) throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux /proc");
        String mark = "backproplab-attack-" + UUID.randomUUID();
        Path attackerOut = temp.resolve("attacker-out");
        Path attacker = attacker(temp.resolve("attacker"), mark, attackerOut);
        Path tmpFile = Path.of("/tmp", mark);
        Path cacheFile = Path.of(System.getProperty("user.home"), ".javacpp", mark);
        try {
            CliRun alone = grade(fixture("good"), temp.resolve("alone"), isolation);
            assumeTrue(alone.exitCode() == 0 || !alone.stderr().contains("bubblewrap"),
                    "isolation " + isolation + " is not available here: " + alone.stderr());
            assertThat(alone.exitCode()).as(alone.describe()).isZero();

            CliRun attack = grade(attacker, attackerOut, isolation);
            CliRun after = grade(fixture("good"), temp.resolve("after"), isolation);

            assertThat(attack.exitCode()).as(attack.describe()).isZero();
            assertThat(attack.tests()).as("the attack ran (its sigmoid test passed)")
                    .anyMatch(t -> t.path("name").asText().contains("sigmoid") && "passed".equals(t.path("status").asText()));
            assertThat(comparable(after)).as("honest results after the attacker vs alone")
                    .isEqualTo(comparable(alone));
            assertThat(livingProcessesWith(mark)).as("processes the attacker started, after its grade").isEmpty();
            assertThat(attack.results().path("score").asDouble()).as("score: the grader's own, not the planted 1000")
                    .isLessThanOrEqualTo(5.0);
            assertThat(Files.readString(attackerOut.resolve("results.json"))).doesNotContain(mark);
            if (isolation.equals("full")) {
                assertThat(tmpFile).as("the attacker's /tmp file on the machine").doesNotExist();
                assertThat(cacheFile).as("the attacker's file in ~/.javacpp").doesNotExist();
                assertThat(attacker.resolve("planted-" + mark)).as("the attacker's file in its submission").doesNotExist();
            } else {
                assertThat(attack.results().path("output").asText()).as("run notes of the attacker")
                        .contains("Tampering").contains("results.json")
                        .contains("that the code under test had started and left running");
            }
        } finally {
            Files.deleteIfExists(tmpFile);
            Files.deleteIfExists(cacheFile);
        }
    }

    private static CliRun grade(Path submission, Path out, String isolation) {
        List<String> options = new ArrayList<>(CliRun.FAST);
        options.addAll(List.of("--isolation", isolation));
        return CliRun.gradeWith(submission, out, options);
    }

    /** The good fixture whose sigmoid, on its first call, attacks: files everywhere, a property, a process. */
    private static Path attacker(Path folder, String mark, Path out) throws IOException {
        Path source = folder.resolve("backproplab/activations/Activations.java");
        Files.createDirectories(source.getParent());
        String good = Files.readString(fixture("good").resolve("backproplab/activations/Activations.java"));
        String attack = SIGMOID
                + "        if (System.getProperty(\"backproplab.attacked\") == null) {\n"
                + "            System.setProperty(\"backproplab.attacked\", \"yes\");\n"
                + "            System.setProperty(\"java.io.tmpdir\", \"/nonexistent\");\n"
                + "            for (String f : new String[] {\"/tmp/" + mark + "\",\n"
                + "                    System.getProperty(\"user.home\") + \"/.javacpp/" + mark + "\",\n"
                + "                    \"" + folder + "/planted-" + mark + "\",\n"
                + "                    \"" + out + "/results.json\"}) {\n"
                + "                try {\n"
                + "                    java.nio.file.Files.createDirectories(java.nio.file.Path.of(f).getParent());\n"
                + "                    java.nio.file.Files.writeString(java.nio.file.Path.of(f), \"{\\\"score\\\": 1000, \\\"m\\\": \\\"" + mark + "\\\"}\");\n"
                + "                } catch (Exception ignored) { }\n"
                + "            }\n"
                + "            try {\n"
                + "                new ProcessBuilder(\"sh\", \"-c\", \"sleep 600; echo " + mark + "\").start();\n"
                + "            } catch (Exception ignored) { }\n"
                + "        }\n";
        assertThat(good).contains(SIGMOID);
        Files.writeString(source, good.replace(SIGMOID, attack), StandardCharsets.UTF_8);
        return folder;
    }

    /** What must not differ between two grades of one submission: each test's name, status, score and message. */
    private static List<String> comparable(CliRun run) {
        List<String> lines = new ArrayList<>();
        lines.add("score " + run.results().path("score").asDouble());
        for (JsonNode test : run.tests()) {
            lines.add(test.path("name").asText() + " | " + test.path("status").asText() + " | "
                    + test.path("score").asDouble() + "/" + test.path("max_score").asDouble() + " | "
                    + test.path("output").asText().replaceAll("\\d+(\\.\\d+)? ?(ms|s)\\b", "<time>"));
        }
        return lines;
    }

    private static List<String> livingProcessesWith(String mark) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(ProcessHandle::isAlive)
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                    .filter(line -> line.contains(mark))
                    .collect(Collectors.toList());
        }
    }
}
