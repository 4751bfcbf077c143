package backproplab.grader.sandbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * One started test JVM: its process, the server socket it will report to, the secret it must send first, and the
 * drained standard streams. Closing it kills the JVM and its descendants.
 */
final class TestJvm implements AutoCloseable {

    private final ServerSocket server;
    private final Process process;
    private final String token;
    private final boolean waitsForGo;
    private final ConsoleTail stdout;
    private final ConsoleTail stderr;

    TestJvm(ServerSocket server, Process process, String token, boolean waitsForGo) {
        this.server = server;
        this.process = process;
        this.token = token;
        this.waitsForGo = waitsForGo;
        this.stdout = new ConsoleTail(process.getInputStream(), "child-stdout");
        this.stderr = new ConsoleTail(process.getErrorStream(), "child-stderr");
    }

    ServerSocket server() {
        return server;
    }

    /** The secret the JVM's first message must carry. */
    String token() {
        return token;
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

    /** Kills the JVM and its descendants, and waits a little for them to go. */
    void kill() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        waitFor(5_000);
    }

    /** Kills the JVM and closes its server socket. */
    @Override
    public void close() throws IOException {
        kill();
        server.close();
    }
}
