package backproplab.grader.cli;

import static backproplab.grader.cli.CliRun.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus (src/test/resources/hostile: one submission per attack class, each with its expected status,
 * the most points it may score and the layer it tests in expected.tsv; the zips are built by {@link HostileZips}),
 * graded with {@code grader batch} as instructors grade a class, under full isolation: each gets its expected status
 * and no more than its points, the batch survives and writes small, valid reports, and nothing escaped (no file
 * outside the scratch folders, no process left, no connection to the machine). Entries marked {@code rules} are
 * graded with the structure rules (the static layer that stops them); the others without, so that the sandbox alone
 * must hold them. Only under full: some attacks (killing the parent) would hit the grading machine itself without
 * the sandbox.
 */
@DisplayName("the hostile corpus, graded with grader batch")
class HostileCorpusTest {

    private static final int PORT = 47913;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** How big a submission's report folder may grow, whatever its code printed or threw. */
    private static final long MAX_REPORT_BYTES = 4L << 20;
    /** The prefix of every name the corpus plants or runs with, so that the checks below can find what escaped. */
    private static final String MARK = "backproplab-hostile-";

    /**
     * One row of expected.tsv.
     *
     * @param entry     the submission (folder, or a zip the test builds)
     * @param status    its expected status
     * @param maxPoints the most points it may score (for an entry named {@code honest-...}: the points it must score)
     * @param rules     whether it is graded with the structure rules (the static layer), else with the sandbox alone
     * @param slow      whether it takes its time limits (graded by {@link HostileCorpusIT}, not in this test)
     */
    private record Expected(String entry, String status, double maxPoints, boolean rules, boolean slow) {

        String id() {
            return entry.replaceFirst("\\.zip$", "");
        }
    }

    @Test
    @DisplayName("every attack gets its expected verdict and points, and nothing escapes")
    void everyAttackIsContained() throws Exception {
        gradeCorpus(temp, false);
    }

    /**
     * Grades the entries of the corpus that are slow or not, and checks them.
     *
     * @param temp a folder of the test's own
     * @param slow whether to grade the slow entries (those that run into their time limits) or the others
     */
    static void gradeCorpus(Path temp, boolean slow) throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux only");
        CliRun probe = CliRun.gradeWith(fixture("good"), temp.resolve("probe"), withFull(CliRun.FAST));
        assumeTrue(probe.exitCode() == 0, "full isolation is not available here: " + probe.stderr());
        Path corpus = resource("/hostile");
        List<Expected> expected = expected(corpus.resolve("expected.tsv")).stream().filter(e -> e.slow() == slow)
                .toList();
        Path sandboxOnly = Files.createDirectories(temp.resolve("sandbox-only"));
        Path withRules = Files.createDirectories(temp.resolve("with-rules"));
        for (Expected e : expected) {
            Path folder = e.rules() ? withRules : sandboxOnly;
            if (Files.isDirectory(corpus.resolve(e.entry()))) {
                copy(corpus.resolve(e.entry()), folder.resolve(e.entry()));
            }
        }
        if (!slow) {
            HostileZips.write(sandboxOnly);
        }
        List<Path> planted = List.of(Path.of("/tmp/backproplab-hostile-file-escape"),
                Path.of(System.getProperty("user.home"), ".javacpp", "backproplab-hostile-file-escape"));
        for (Path file : planted) {
            Files.deleteIfExists(file);
        }
        List<Path> before = plantedFiles(temp);
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(PORT, 50, InetAddress.getLoopbackAddress())) {
            Thread listener = new Thread(() -> accept(server, connections), "hostile-listener");
            listener.setDaemon(true);
            listener.start();
            Path out = temp.resolve("out");

            // batch takes the default isolation, auto: full here, as the probe grade above showed.
            if (expected.stream().anyMatch(e -> !e.rules())) {
                BatchRun sandboxBatch = BatchRun.batch(sandboxOnly.toString(), "--out", out.toString(), "--jobs", "2");
                assertThat(sandboxBatch.exitCode()).as(sandboxBatch.describe()).isZero();
            }
            if (expected.stream().anyMatch(Expected::rules)) {
                List<String> ruled = new ArrayList<>(List.of("batch", withRules.toString(), "--out", out.toString(),
                        "--jobs", "2"));
                ruled.addAll(CliRun.FAST.stream().filter(option -> !option.equals("--no-structure-rules")).toList());
                BatchRun rulesBatch = BatchRun.run(ruled.toArray(String[]::new));
                assertThat(rulesBatch.exitCode()).as(rulesBatch.describe()).isZero();
            }

            // The table first (for the notes: attack, layer, verdict, time), then the checks.
            System.out.println("hostile corpus: entry | layer | status | score | total ms | verdict | why the test JVM was replaced");
            for (Expected e : expected) {
                Path report = out.resolve(e.id());
                JsonNode timings = JSON.readTree(report.resolve("timings.json").toFile());
                JsonNode results = JSON.readTree(report.resolve("results.json").toFile());
                String output = results.path("output").asText();
                System.out.println(e.id() + " | " + (e.rules() ? "rules" : "sandbox") + " | "
                        + timings.path("status").asText() + " | " + results.path("score").asDouble() + " | "
                        + timings.path("totalMillis").asLong() + " | " + headline(output) + " | "
                        + output.lines().filter(line -> line.startsWith("- The test JVM was replaced")).findFirst()
                                .orElse(""));
                for (JsonNode test : results.path("tests")) {
                    if (!test.path("name").asText().startsWith("API: ")) {
                        String said = test.path("output").asText().replace('\n', ' ');
                        System.out.println("    " + test.path("name").asText() + ": "
                                + test.path("extra_data").path("outcome").asText() + " "
                                + said.substring(0, Math.min(160, said.length())));
                    }
                }
            }
            for (Expected e : expected) {
                Path report = out.resolve(e.id());
                JsonNode timings = JSON.readTree(report.resolve("timings.json").toFile());
                JsonNode results = JSON.readTree(report.resolve("results.json").toFile());
                String output = results.path("output").asText();
                assertThat(timings.path("status").asText()).as("status of %s; %s", e.id(), output).isEqualTo(e.status());
                assertThat(results.path("score").asDouble()).as("score of %s; %s", e.id(), output)
                        .isLessThanOrEqualTo(e.maxPoints());
                if (e.id().startsWith("honest-")) {
                    assertThat(results.path("score").asDouble()).as("score of the honest %s; %s", e.id(), output)
                            .isEqualTo(e.maxPoints());
                }
                if (e.status().equals("GRADED")) {
                    assertThat(output).as("isolation of %s", e.id()).contains("Isolation: full");
                }
                assertThat(sizeOf(report)).as("bytes in the report folder of %s", e.id())
                        .isLessThanOrEqualTo(MAX_REPORT_BYTES);
            }
        } finally {
            for (Path file : planted) {
                assertThat(file).as("a file the corpus tried to plant on the machine").doesNotExist();
            }
        }
        assertThat(plantedFiles(temp)).as("files named %s* on the machine after the corpus ran", MARK)
                .containsExactlyInAnyOrderElementsOf(before);
        assertThat(connections.get()).as("connections from the corpus to the machine").isZero();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            assertThat(all.filter(p -> commandLine(p.pid()).contains("backproplab-hostile"))
                    .map(p -> p.pid() + " " + commandLine(p.pid())).toList())
                    .as("processes left by the corpus").isEmpty();
        }
    }

    /** Files named like the corpus's plants where a test JVM without a sandbox could write: /tmp, home, here, temp. */
    private static List<Path> plantedFiles(Path temp) throws IOException {
        List<Path> found = new ArrayList<>();
        Path home = Path.of(System.getProperty("user.home"));
        for (Path folder : List.of(Path.of("/tmp"), home, home.resolve(".javacpp"), Path.of("").toAbsolutePath())) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    files.filter(f -> f.getFileName().toString().startsWith(MARK)).forEach(found::add);
                }
            }
        }
        try (Stream<Path> files = Files.walk(temp)) {
            files.filter(f -> f.getFileName().toString().startsWith(MARK)
                    || f.getFileName().toString().equals("results.json") && !f.startsWith(temp.resolve("out"))
                    && !f.startsWith(temp.resolve("probe"))).forEach(found::add);
        }
        return found;
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            long total = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    /** The verdict's headline: the first line after the one naming the submission. */
    private static String headline(String output) {
        return output.lines().filter(line -> !line.isBlank()).skip(1).findFirst().orElse("");
    }

    private static List<String> withFull(List<String> options) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of("--isolation", "full"));
        return all;
    }

    private static void accept(ServerSocket server, AtomicInteger connections) {
        while (!server.isClosed()) {
            try (Socket ignored = server.accept()) {
                connections.incrementAndGet();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    private static List<Expected> expected(Path tsv) throws IOException {
        List<Expected> all = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            List<String> tags = cells.length > 3 ? List.of(cells[3].strip().split(",")) : List.of();
            all.add(new Expected(cells[0], cells[1], Double.parseDouble(cells[2]), tags.contains("rules"),
                    tags.contains("slow")));
        }
        return all;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(HostileCorpusTest.class.getResource(name).toURI());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
