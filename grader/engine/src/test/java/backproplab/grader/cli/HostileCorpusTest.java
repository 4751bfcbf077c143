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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus (src/test/resources/hostile: one submission per attack class, each with its expected status and
 * the most points it may score in expected.tsv), graded with {@code grader batch} as instructors grade a class, under
 * full isolation: each gets its expected status and no more than its points, the batch survives, and nothing
 * escaped (no file outside the scratch folders, no process left, no connection to the machine). Only under full:
 * some attacks (killing the parent) would hit the grading machine itself without the sandbox.
 */
@DisplayName("the hostile corpus, graded with grader batch")
class HostileCorpusTest {

    private static final int PORT = 47913;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private record Expected(String entry, String status, double maxPoints) {
    }

    @Test
    @DisplayName("every attack gets its expected verdict and points, and nothing escapes")
    void everyAttackIsContained() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux only");
        CliRun probe = CliRun.gradeWith(fixture("good"), temp.resolve("probe"), withFull(CliRun.FAST));
        assumeTrue(probe.exitCode() == 0, "full isolation is not available here: " + probe.stderr());
        Path corpus = resource("/hostile");
        List<Expected> expected = expected(corpus.resolve("expected.tsv"));
        Path submissions = Files.createDirectories(temp.resolve("submissions"));
        copy(corpus, submissions);
        Files.delete(submissions.resolve("expected.tsv"));
        symlinkZip(submissions.resolve("zip-symlink.zip"));
        List<Path> planted = List.of(Path.of("/tmp/backproplab-hostile-file-escape"),
                Path.of(System.getProperty("user.home"), ".javacpp", "backproplab-hostile-file-escape"));
        for (Path file : planted) {
            Files.deleteIfExists(file);
        }
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(PORT, 50, InetAddress.getLoopbackAddress())) {
            Thread listener = new Thread(() -> accept(server, connections), "hostile-listener");
            listener.setDaemon(true);
            listener.start();
            Path out = temp.resolve("out");

            // batch takes the default isolation, auto: full here, as the probe grade above showed.
            List<String> args = new ArrayList<>(List.of(submissions.toString(), "--out", out.toString(), "--jobs", "2"));
            BatchRun batch = BatchRun.batch(args.toArray(String[]::new));

            assertThat(batch.exitCode()).as(batch.describe()).isZero();
            for (Expected e : expected) {
                String id = e.entry().replaceFirst("\\.zip$", "");
                JsonNode timings = JSON.readTree(out.resolve(id).resolve("timings.json").toFile());
                JsonNode results = JSON.readTree(out.resolve(id).resolve("results.json").toFile());
                assertThat(timings.path("status").asText()).as("status of %s; %s", id, results.path("output").asText())
                        .isEqualTo(e.status());
                assertThat(results.path("score").asDouble()).as("score of %s", id).isLessThanOrEqualTo(e.maxPoints());
                if (e.status().equals("GRADED")) {
                    assertThat(results.path("output").asText()).as("isolation of %s", id).contains("Isolation: full");
                }
            }
        } finally {
            for (Path file : planted) {
                assertThat(file).as("a file the corpus tried to plant on the machine").doesNotExist();
            }
        }
        assertThat(connections.get()).as("connections from the corpus to the machine").isZero();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            assertThat(all.filter(p -> commandLine(p.pid()).contains("backproplab-hostile"))
                    .map(p -> p.pid() + " " + commandLine(p.pid())).toList())
                    .as("processes left by the corpus").isEmpty();
        }
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
            all.add(new Expected(cells[0], cells[1], Double.parseDouble(cells[2])));
        }
        return all;
    }

    /** A zip whose one entry is a Unix symbolic link to a file elsewhere on the machine (as `zip -y` stores it). */
    private static void symlinkZip(Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("backproplab/activations/Activations.java"));
            out.write("/etc/hostname".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= bytes.limit(); at++) {
            if (bytes.getInt(at) == 0x02014b50) {
                bytes.putShort(at + 4, (short) 0x031E);
                bytes.putInt(at + 38, 0120777 << 16);
            }
        }
        Files.write(zip, bytes.array());
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
