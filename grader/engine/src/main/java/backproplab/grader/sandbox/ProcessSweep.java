package backproplab.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ends every process a test JVM started, also those that outlived it. Under full isolation the sandbox's PID namespace
 * does that; without it, the test JVM's children are reparented when it exits, so they are no longer its descendants.
 * This sweep finds them two ways: the descendants seen while the JVM ran ({@link #watch}), and, on Linux, every
 * process whose environment carries this JVM's run mark ({@link #ENV}, inherited unless a process clears it). A
 * process that both left the JVM's tree between two looks and cleared its environment escapes it; the full level
 * exists for that.
 */
final class ProcessSweep {

    /** The environment variable that marks the processes of one test JVM. */
    static final String ENV = "BACKPROPLAB_TEST_JVM_RUN";

    private static final Path PROC = Path.of("/proc");
    private static final int ROUNDS = 10;
    private static final long EXIT_POLL_MILLIS = 5;

    private final String mark;
    private final Set<ProcessHandle> seen = new LinkedHashSet<>();
    /** The largest CPU time seen per process of the JVM's tree: a killed JVM never reports its own. */
    private final Map<Long, Long> cpuMillisByPid = new HashMap<>();

    /** A sweep with a new random mark. */
    ProcessSweep() {
        this.mark = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    }

    /** The value of {@link #ENV} for the test JVM's environment. */
    String mark() {
        return mark;
    }

    /** Remembers the JVM's descendants as they are now. */
    synchronized void watch(ProcessHandle jvm) {
        jvm.descendants().forEach(seen::add);
        noteCpu(jvm);
        seen.forEach(this::noteCpu);
    }

    /**
     * CPU time of the JVM and the processes seen in its tree, in milliseconds, from the operating system's accounting
     * as last looked at (every ~0.5 s and just before they were killed): the cost of a test JVM that was killed, and
     * so never reported its own, or of processes it started.
     */
    synchronized long cpuMillisSeen() {
        return cpuMillisByPid.values().stream().mapToLong(Long::longValue).sum();
    }

    private void noteCpu(ProcessHandle process) {
        process.info().totalCpuDuration().ifPresent(cpu -> cpuMillisByPid.merge(process.pid(), cpu.toMillis(), Math::max));
    }

    /**
     * Kills the JVM, every descendant seen and every marked process, until none is left (a few rounds, for processes
     * that fork while they are killed), and waits a little for them to go.
     *
     * @param jvm the test JVM (or the sandbox's first process)
     * @return how many processes other than the JVM were killed
     */
    synchronized int killAll(ProcessHandle jvm) {
        watch(jvm);
        if (!jvm.isAlive()) {
            // Processes that are on their way out with the JVM (a sandbox's PID namespace being torn down) are not
            // left running: give them a moment before counting what is still there.
            awaitExit(seen, 1_000);
        }
        Set<ProcessHandle> killed = new LinkedHashSet<>();
        List<ProcessHandle> targets = new ArrayList<>(seen);
        noteCpu(jvm);
        seen.forEach(this::noteCpu);
        jvm.destroyForcibly();
        for (int round = 0; round < ROUNDS && !targets.isEmpty(); round++) {
            for (ProcessHandle process : targets) {
                if (running(process) && process.pid() != ProcessHandle.current().pid()) {
                    process.descendants().forEach(seen::add);
                    noteCpu(process);
                    if (process.destroyForcibly()) {
                        killed.add(process);
                    }
                }
            }
            targets = new ArrayList<>();
            for (ProcessHandle process : seen) {
                if (running(process)) {
                    targets.add(process);
                }
            }
            targets.addAll(marked());
            targets.removeIf(p -> !running(p) || p.pid() == jvm.pid());
        }
        awaitExit(seen, 1_000);
        return killed.size();
    }

    /**
     * Waits up to {@code millis} in all for the processes to end. It looks every few milliseconds rather than through
     * {@link ProcessHandle#onExit()}, which for a process that is not this JVM's own child (everything inside a
     * sandbox) looks only every 300 ms or more.
     */
    static void awaitExit(Set<ProcessHandle> processes, long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (processes.stream().anyMatch(ProcessSweep::running) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(EXIT_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Whether the process still runs code: alive, and not a zombie. A zombie has ended and only waits for its parent
     * to collect its exit status; {@link ProcessHandle#isAlive()} still counts it. The sandbox leaves one behind
     * (bubblewrap's intermediate process, handed to the machine's init when its parent ends), and an init that
     * collects late, or never (a container's shell as PID 1), made every grade wait out the whole grace period.
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        byte[] stat = readQuietly(PROC.resolve(Long.toString(process.pid())).resolve("stat"));
        return stat.length == 0 || !isZombie(new String(stat, StandardCharsets.US_ASCII));
    }

    /** Whether a line of {@code /proc/<pid>/stat} says the process is a zombie (Z) or dead (X). */
    static boolean isZombie(String stat) {
        // "pid (command) S ...": the command may itself hold spaces and parentheses, so the state follows the last ')'.
        int end = stat.lastIndexOf(')');
        if (end < 0 || end + 2 >= stat.length()) {
            return false;
        }
        char state = stat.charAt(end + 2);
        return state == 'Z' || state == 'X';
    }

    /** Processes whose environment holds this sweep's mark (Linux; none elsewhere or where /proc is unreadable). */
    private List<ProcessHandle> marked() {
        List<ProcessHandle> found = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return found;
        }
        byte[] needle = (ENV + "=" + mark).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                long pid;
                try {
                    pid = Long.parseLong(entry.getFileName().toString());
                } catch (NumberFormatException notAProcess) {
                    continue;
                }
                if (pid != self && contains(readQuietly(entry.resolve("environ")), needle)) {
                    ProcessHandle.of(pid).ifPresent(process -> {
                        found.add(process);
                        seen.add(process);
                    });
                }
            }
        } catch (IOException unreadable) {
            return found;
        }
        return found;
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException gone) {
            return new byte[0];
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (i > 0 && haystack[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            if (i + needle.length == haystack.length || haystack[i + needle.length] == 0) {
                return true;
            }
        }
        return false;
    }
}
