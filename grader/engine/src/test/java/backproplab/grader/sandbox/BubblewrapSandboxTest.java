package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import backproplab.grader.cli.CliRun;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OS layer of {@code --isolation full} (bubblewrap), probed from inside a real test JVM by {@link SandboxProbeSuite}
 * and checked on the host afterwards. On Linux it must work (CI installs bubblewrap); elsewhere it is skipped.
 * The same probes under {@code --isolation modules} show that they can tell: there, the attacks get through.
 */
@DisplayName("The bubblewrap sandbox (--isolation full)")
class BubblewrapSandboxTest {

    private static final List<String> ATTACKS = List.of(SandboxProbeSuite.WRITE_OUTSIDE, SandboxProbeSuite.NO_TCP,
            SandboxProbeSuite.PARENT, SandboxProbeSuite.NO_SIGNAL, SandboxProbeSuite.OWN_UID, SandboxProbeSuite.GRADER_FILES);

    @TempDir
    Path temp;

    private String marker;
    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void listen() throws IOException {
        assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"),
                "bubblewrap runs on Linux only");
        marker = String.valueOf(1_000_000 + new SecureRandom().nextInt(9_000_000));
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                    connections.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "probe-listener");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (listener != null) {
            listener.close();
        }
        if (marker != null) {
            survivors().forEach(ProcessHandle::destroyForcibly);
            Files.deleteIfExists(hostTmpFile());
        }
    }

    @Test
    @DisplayName("writes outside the scratch folder, TCP to the host, the grader's pid and leftover processes all fail")
    void attacksFail() throws IOException, URISyntaxException {
        Path submission = CourseTreeCopy.of(CliRun.fixture("good"), temp.resolve("submission"));
        Path out = temp.resolve("out");
        Path work = temp.resolve("work");
        Path graderFolder = Path.of("").toAbsolutePath();
        // This suite's own class folder: the grader sends its classes, so the sandbox does not even show the folder.
        Path suiteFolder = Path.of(SandboxProbeSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> targets = List.of(submission, out, work, graderFolder, suiteFolder);

        CliRun run = probe("full", submission, out, work, targets);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.results().path("output").asText()).as("the run notes in results.json")
                .contains("Isolation: full (bubblewrap").contains("no network").contains("own PID namespace");
        for (String name : ATTACKS) {
            assertThat(run.requireTest(name).path("status").asText()).as("%s: %s", name,
                    run.requireTest(name).path("output").asText()).isEqualTo("passed");
        }
        for (String name : List.of(SandboxProbeSuite.SCRATCH_WRITABLE, SandboxProbeSuite.ENVIRONMENT,
                SandboxProbeSuite.STARTS_PROCESSES)) {
            assertThat(run.requireTest(name).path("status").asText()).as("%s: %s", name,
                    run.requireTest(name).path("output").asText()).isEqualTo("passed");
        }
        // On the host, afterwards:
        for (Path target : targets) {
            assertThat(target.resolve(SandboxProbeSuite.fileName(marker))).as("file written into %s", target).doesNotExist();
        }
        assertThat(hostTmpFile()).as("file written into the host's /tmp").doesNotExist();
        assertThat(connections.get()).as("connections to the host's port %d", listener.getLocalPort()).isZero();
        assertThat(survivors()).as("processes the test JVM started, alive after the grade").isEmpty();
    }

    @Test
    @DisplayName("with --isolation modules the same attacks get through (so the probes can tell)")
    void withoutTheSandboxTheyWork() throws IOException, URISyntaxException {
        Path submission = CourseTreeCopy.of(CliRun.fixture("good"), temp.resolve("submission"));
        Path out = temp.resolve("out");
        Path work = temp.resolve("work");
        List<Path> targets = List.of(submission, out, work);

        CliRun run = probe("modules", submission, out, work, targets);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        for (String name : ATTACKS) {
            assertThat(run.requireTest(name).path("status").asText()).as("%s should get through without the sandbox", name)
                    .isEqualTo("failed");
        }
        assertThat(submission.resolve(SandboxProbeSuite.fileName(marker))).as("file written into the submission").exists();
        assertThat(hostTmpFile()).as("file written into the host's /tmp").exists();
        assertThat(connections.get()).as("connections to the host's port").isPositive();
        // The detached process is started, but the grader's process sweep (ProcessSweep) ends it with the run even
        // without the sandbox: it carries the run's environment mark.
        assertThat(survivors()).as("the detached process, after the grade").isEmpty();
        assertThat(run.results().path("output").asText()).as("run notes")
                .contains("that the code under test had started and left running");
    }

    private CliRun probe(String level, Path submission, Path out, Path work, List<Path> targets)
            throws IOException, URISyntaxException {
        Path facts = temp.resolve("probe-facts.properties");
        Files.writeString(facts, String.join("\n",
                SandboxProbeSuite.GRADER_PID + "=" + ProcessHandle.current().pid(),
                SandboxProbeSuite.PORT + "=" + listener.getLocalPort(),
                SandboxProbeSuite.TARGETS + "=" + targets.stream().map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator)),
                SandboxProbeSuite.MARKER + "=" + marker,
                SandboxProbeSuite.GRADER_FILES_PROPERTY + "=" + graderFiles().stream().map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator))) + "\n", StandardCharsets.UTF_8);
        Path probe = Path.of(SandboxProbeSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return CliRun.gradeWith(submission, out, List.of("--suites", SandboxProbeSuite.NAME, "--suite-path", probe.toString(),
                "--isolation", level, "--thresholds", facts.toString(), "--work-dir", work.toString(), "--no-backend-info",
                "--no-structure-rules", "--no-fork-compiler", "--test-timeout", "30s", "--run-timeout", "120s"));
    }

    /** Files of the grader the test JVM must not see: the hidden suites, the reference, the course's reference source. */
    private static List<Path> graderFiles() {
        RuntimeClasspath classpath = RuntimeClasspath.detect(List.of("backproplab/activations/Activations.class"));
        List<Path> files = new ArrayList<>(classpath.hiddenSuites());
        files.addAll(classpath.reference());
        Path source = Path.of("").toAbsolutePath().resolve("../../solutions/src/main/java/backproplab/network/NeuralNetwork.java")
                .normalize();
        if (Files.exists(source)) {
            files.add(source);
        }
        assertThat(files).as("grader files that exist on the host, for the probe").isNotEmpty().allMatch(Files::exists);
        return files;
    }

    private Path hostTmpFile() {
        return Path.of("/tmp", SandboxProbeSuite.fileName(marker));
    }

    /** Live processes whose arguments carry the marker (the probe's sleeps). */
    private List<ProcessHandle> survivors() {
        List<ProcessHandle> found = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        do {
            found.clear();
            ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(args -> String.join(" ", args))
                    .orElse("").contains("." + marker)).forEach(found::add);
            if (found.isEmpty()) {
                return found;
            }
            sleepQuietly();
        } while (System.nanoTime() < deadline);
        return found;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies a fixture submission, so that a write into it cannot touch the sources. */
    private static final class CourseTreeCopy {
        static Path of(Path from, Path to) {
            try (var files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
                return to;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
