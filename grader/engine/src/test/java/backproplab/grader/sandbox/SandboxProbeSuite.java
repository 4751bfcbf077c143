package backproplab.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backproplab.grader.protocol.HiddenFiles;
import backproplab.scoring.Graded;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Attacks from inside a real test JVM ({@code grade --suites} this class), with the rights student code has there;
 * each test passes only if its attack fails. The host side ({@link BubblewrapSandboxTest}) passes its facts in the
 * one file the grader hands the suites, the thresholds file ({@code grade --thresholds}): the grader's pid, a port it
 * listens on, folders to write into and a marker for the files and processes, and checks on the host afterwards
 * that nothing got through.
 */
@Graded(points = 1, task = "probe.sandbox")
class SandboxProbeSuite {

    static final String NAME = SandboxProbeSuite.class.getName();

    static final String WRITE_OUTSIDE = "no file can be written outside the scratch folder";
    static final String SCRATCH_WRITABLE = "the scratch folder and /tmp are writable";
    static final String NO_TCP = "no TCP connection reaches a port the host listens on";
    static final String PARENT = "the test JVM's parent is not the grader";
    static final String NO_SIGNAL = "the grader can be neither signalled nor traced";
    static final String OWN_UID = "the test JVM runs as uid 65534, or one of its own just below it";
    static final String ENVIRONMENT = "the grader's environment does not reach the test JVM";
    static final String STARTS_PROCESSES = "the test JVM starts a child process and a detached one";

    /** Keys of the probe's facts in the thresholds file. */
    static final String GRADER_PID = "probe.graderPid";
    static final String PORT = "probe.port";
    static final String TARGETS = "probe.targets";
    static final String MARKER = "probe.marker";
    static final String GRADER_FILES_PROPERTY = "probe.graderFiles";
    static final String GRADER_FILES = "the grader's hidden suites, reference and sources are not in the file system";

    /** Environment variables the sandbox lets through. */
    static final Set<String> ALLOWED_VARIABLES = Set.of("PATH", "PWD", "HOME", "TMPDIR", "LANG", "LC_ALL", "LC_CTYPE", "TZ");

    private static Properties facts;

    @BeforeAll
    static void readFacts() throws IOException {
        facts = new Properties();
        // The facts come as the instructor's thresholds file (--thresholds), which the grader sends with the hidden files.
        try (java.io.InputStream in = SandboxProbeSuite.class.getResourceAsStream("/" + HiddenFiles.THRESHOLDS_OVERRIDE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the probe's facts (the --thresholds file) did not reach the test JVM");
            }
            facts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    @Test
    @DisplayName(GRADER_FILES)
    void graderFilesOutOfSight() throws IOException {
        List<String> seen = new ArrayList<>();
        // Where a student would look first: beside the libraries on the class path (the distribution's lib/ folder).
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path folder = Path.of(entry).toAbsolutePath().getParent();
            if (folder != null && Files.isDirectory(folder)) {
                try (java.util.stream.Stream<Path> files = Files.list(folder)) {
                    files.map(file -> file.getFileName().toString())
                            .filter(name -> name.startsWith("grader-suites") || name.startsWith("grader-reference"))
                            .forEach(name -> seen.add(folder.resolve(name).toString()));
                }
            }
        }
        // And the host paths the grader's side knows: the hidden suites, the reference, the course's sources.
        for (String path : facts.getProperty(GRADER_FILES_PROPERTY, "").split(java.io.File.pathSeparator)) {
            if (!path.isBlank() && Files.exists(Path.of(path))) {
                seen.add(path);
            }
        }
        assertTrue(seen.isEmpty(), "the test JVM can see " + seen);
    }

    /** The file name the probe tries to write, in each target folder and in /tmp. */
    static String fileName(String marker) {
        return "sandbox-probe-" + marker + ".txt";
    }

    /** The argument of the probe's {@code sleep} processes, by which the host finds them. */
    static String sleepArgument(String marker, int which) {
        return (300 + which) + "." + marker;
    }

    @Test
    @DisplayName(WRITE_OUTSIDE)
    void writeOutside() throws URISyntaxException {
        List<Path> targets = new ArrayList<>();
        for (String target : facts.getProperty(TARGETS).split(java.io.File.pathSeparator)) {
            targets.add(Path.of(target));
        }
        List<String> written = new ArrayList<>();
        for (Path target : targets) {
            try {
                Files.writeString(target.resolve(fileName(facts.getProperty(MARKER))), "written from the test JVM\n");
                // A host folder under /tmp is, inside the sandbox, a folder of its private /tmp (in the scratch folder),
                // made for the files mounted read-only below it: in a user namespace the test JVM owns it and may write
                // there. That write never reaches the host's folder, which the grader's side checks afterwards.
                if (!(inBubblewrap() && target.startsWith("/tmp"))) {
                    written.add(target.toString());
                }
            } catch (IOException | SecurityException e) {
                // The attack failed, as it should.
            }
        }
        // Inside the sandbox /tmp is private: this write may work, but the host checks its own /tmp stays clean.
        try {
            Files.writeString(Path.of("/tmp", fileName(facts.getProperty(MARKER))), "written from the test JVM\n");
        } catch (IOException e) {
            // Fine too.
        }
        assertEquals(List.of(), written, "folders the test JVM could write into");
    }

    @Test
    @DisplayName(SCRATCH_WRITABLE)
    void scratchWritable() throws IOException {
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "scratch-probe.txt"), "ok\n");
        Path tmp = Files.createTempFile(Path.of("/tmp"), "probe-", ".txt");
        Files.delete(tmp);
    }

    @Test
    @DisplayName(NO_TCP)
    void noTcp() {
        int port = Integer.parseInt(facts.getProperty(PORT));
        assertThrows(IOException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 3000);
            }
        }, "connecting to 127.0.0.1:" + port);
    }

    @Test
    @DisplayName(PARENT)
    void parentIsNotTheGrader() {
        long grader = Long.parseLong(facts.getProperty(GRADER_PID));
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        assertNotEquals(grader, parent, "the test JVM's parent pid is the grader's");
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.pid() == grader
                && p.info().command().orElse("").endsWith("java")), "the grader's pid is a java process here");
    }

    @Test
    @DisplayName(NO_SIGNAL)
    void cannotSignalOrTrace() throws IOException, InterruptedException {
        String grader = facts.getProperty(GRADER_PID);
        // Signal 0 asks the kernel whether a signal could be sent, without sending one.
        Process kill = new ProcessBuilder("sh", "-c", "kill -0 " + grader).redirectErrorStream(true).start();
        assertTrue(kill.waitFor(20, TimeUnit.SECONDS), "kill -0 ended");
        assertNotEquals(0, kill.exitValue(), "kill -0 " + grader + " worked: " + new String(kill.getInputStream().readAllBytes()));
        // Reading another process's environment takes the same right as tracing it.
        assertThrows(IOException.class, () -> Files.readAllBytes(Path.of("/proc", grader, "environ")), "/proc/" + grader + "/environ");
    }

    /** Whether this JVM runs in the bubblewrap sandbox, which makes user.home its scratch folder below /run/backproplab. */
    private static boolean inBubblewrap() {
        return Path.of(System.getProperty("user.home", "")).startsWith("/run/backproplab");
    }

    @Test
    @DisplayName(OWN_UID)
    void ownUid() throws IOException {
        String uid = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("Uid:"))
                .findFirst().orElse("Uid: ?").split("\\s+")[1];
        int number = Integer.parseInt(uid);
        assertTrue(number <= 65534 && number >= 65534 - 63, "the test JVM's uid is " + uid
                + ", not 65534 or one of the 63 below it that sandboxes run as while others run");
    }

    @Test
    @DisplayName(ENVIRONMENT)
    void environment() {
        List<String> leaked = System.getenv().keySet().stream()
                .filter(name -> !ALLOWED_VARIABLES.contains(name) && !name.startsWith("ND4J_") && !name.startsWith("OMP_")
                        && !name.startsWith("OPENBLAS_") && !name.startsWith("MKL_") && !name.startsWith("BACKPROPLAB_"))
                .sorted().toList();
        assertEquals(List.of(), leaked, "environment variables of the grader in the test JVM");
    }

    @Test
    @DisplayName(STARTS_PROCESSES)
    void startsProcesses() throws IOException, InterruptedException {
        String marker = facts.getProperty(MARKER);
        // A child it never waits for, and one that leaves it (its shell exits, so it belongs to no one).
        new ProcessBuilder("sleep", sleepArgument(marker, 0)).start();
        Process detach = new ProcessBuilder("sh", "-c", "sleep " + sleepArgument(marker, 1) + " >/dev/null 2>&1 &").start();
        assertTrue(detach.waitFor(20, TimeUnit.SECONDS), "the shell ended");
        assertEquals(0, detach.exitValue(), "the shell's exit code");
    }
}
