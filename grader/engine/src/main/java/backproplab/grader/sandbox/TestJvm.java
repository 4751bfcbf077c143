package backproplab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One started test JVM: its process, the event socket it will report to, the secret it must send first, and the
 * drained standard streams. Closing it kills the JVM and its descendants (in the bubblewrap sandbox, the sandbox's
 * first process, whose end ends every process in the sandbox's PID namespace).
 */
final class TestJvm implements AutoCloseable {

    private final EventServer server;
    private final Process process;
    private final String token;
    private final boolean waitsForGo;
    private final byte[] hiddenFiles;
    private final ConsoleTail stdout;
    private final ConsoleTail stderr;

    private final ProcessSweep sweep;
    private final Path seenPictures;
    private final Path hostPictures;
    private final SandboxLayout layout;

    TestJvm(EventServer server, Process process, String token, boolean waitsForGo, byte[] hiddenFiles, Path seenPictures,
            Path hostPictures, ProcessSweep sweep, SandboxLayout layout) {
        this.hiddenFiles = hiddenFiles;
        this.layout = layout;
        this.sweep = sweep;
        this.seenPictures = seenPictures;
        this.hostPictures = hostPictures;
        this.server = server;
        this.process = process;
        this.token = token;
        this.waitsForGo = waitsForGo;
        this.stdout = new ConsoleTail(process.getInputStream(), "child-stdout");
        this.stderr = new ConsoleTail(process.getErrorStream(), "child-stderr");
    }

    /** The JVM's scratch folder on the host (the one place it can write), which holds its pictures folder. */
    Path hostScratch() {
        return hostPictures.getParent();
    }

    /** The JVM's pictures folder, as the JVM sees it. */
    Path seenPictures() {
        return seenPictures;
    }

    /** The JVM's pictures folder on the host. */
    Path hostPictures() {
        return hostPictures;
    }

    EventServer server() {
        return server;
    }

    /** The secret the JVM's first message must carry. */
    String token() {
        return token;
    }

    /** The archive of hidden files ({@link backproplab.grader.protocol.HiddenFiles}) the JVM gets after its hello. */
    byte[] hiddenFiles() {
        return hiddenFiles;
    }

    /** Whether the JVM waits for the go line before it loads any test (a prestarted JVM). */
    boolean waitsForGo() {
        return waitsForGo;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or {@code -1} if the JVM is still alive. */
    int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** What the JVM wrote to its standard streams (JVM and native messages), once they ended or after a short wait. */
    String console() {
        stdout.awaitEnd(2000);
        stderr.awaitEnd(2000);
        return (stdout.text() + stderr.text()).strip();
    }

    /** Waits up to {@code millis} for the JVM to exit by itself. */
    void waitFor(long millis) {
        try {
            process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Remembers the JVM's descendants as they are now, so that those who outlive it are killed too. */
    void watchDescendants() {
        sweep.watch(process.toHandle());
    }

    /**
     * Kills the JVM and every process it started, also those that outlived it ({@link ProcessSweep}), and waits a
     * little for them to go.
     *
     * @return how many processes were still running after the JVM had ended by itself (0 when the JVM was killed:
     *         then its own processes go with it and are not counted)
     */
    int kill() {
        boolean endedByItself = !process.isAlive();
        int killed = sweep.killAll(process.toHandle());
        waitFor(5_000);
        return endedByItself ? killed : 0;
    }

    /** CPU time of the JVM's process tree as the operating system last showed it ({@link ProcessSweep#cpuMillisSeen}). */
    long cpuMillisSeen() {
        return sweep.cpuMillisSeen();
    }

    /** Kills the JVM, closes its event socket and frees what its layout held (its uid). */
    @Override
    public void close() throws IOException {
        try {
            kill();
            server.close();
        } finally {
            layout.close();
        }
    }
}
