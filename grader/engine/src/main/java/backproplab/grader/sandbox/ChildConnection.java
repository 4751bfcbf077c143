package backproplab.grader.sandbox;

import backproplab.grader.child.ChildMain;
import backproplab.grader.protocol.ChildEvent;
import backproplab.grader.protocol.HiddenFiles;
import backproplab.grader.protocol.Json;
import com.fasterxml.jackson.core.JacksonException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The event connection of one test JVM: accepted within the start-up limit, read line by line into typed
 * {@link ChildEvent}s on a reader thread. The first message must be a {@link ChildEvent.Hello} with the JVM's secret;
 * the JVM then gets the hidden files ({@link HiddenFiles}), and a prestarted JVM the go line.
 */
final class ChildConnection {

    /** How long a test JVM may take to connect. */
    static final long STARTUP_LIMIT_MILLIS = 60_000;

    /** What {@link #poll} hands over. */
    sealed interface Incoming {
    }

    /** An event, in the order the JVM sent it. */
    record Received(ChildEvent event) implements Incoming {
    }

    /** The JVM closed the connection, or died. */
    record Closed() implements Incoming {
    }

    /** The JVM broke the protocol and must be stopped; {@code reason} is the student-facing ending. */
    record Refused(String reason) implements Incoming {
    }

    private static final long ACCEPT_POLL_MILLIS = 50;

    private final SocketChannel socket;
    private final TestJvm jvm;
    private final BlockingQueue<Incoming> queue = new LinkedBlockingQueue<>();
    private boolean helloSeen;

    private ChildConnection(SocketChannel socket, TestJvm jvm) {
        this.socket = socket;
        this.jvm = jvm;
    }

    /**
     * Waits for the JVM to connect and starts reading its events.
     *
     * @return the connection, or {@code null} if the JVM died or did not connect within {@link #STARTUP_LIMIT_MILLIS}
     * @throws IOException if the event socket fails
     */
    static ChildConnection accept(TestJvm jvm) throws IOException {
        long startNanos = System.nanoTime();
        EventServer server = jvm.server();
        while (true) {
            SocketChannel socket = server.accept();
            if (socket != null) {
                ChildConnection connection = new ChildConnection(socket, jvm);
                connection.startReader();
                return connection;
            }
            if (!jvm.isAlive() || (System.nanoTime() - startNanos) / 1_000_000L > STARTUP_LIMIT_MILLIS) {
                return null;
            }
            try {
                Thread.sleep(ACCEPT_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /**
     * The next thing that arrived, waiting up to {@code millis}. The first event is checked here, on the caller's
     * thread; once it is, the hidden files and the go line are sent.
     *
     * @return the next item, or {@code null} if nothing arrived in time
     * @throws InterruptedException if the wait is interrupted
     * @throws IOException          kept for callers; sending happens on a thread of its own
     */
    Incoming poll(long millis) throws InterruptedException, IOException {
        Incoming item = queue.poll(millis, TimeUnit.MILLISECONDS);
        if (item instanceof Received received && !helloSeen) {
            if (!(received.event() instanceof ChildEvent.Hello hello) || !jvm.token().equals(hello.token())) {
                return new Refused("the test JVM sent an unexpected first message.");
            }
            helloSeen = true;
            startWriter();
        }
        return item;
    }

    /**
     * Sends the hidden files and, to a prestarted JVM, the go line, on a thread of its own: the JVM reads them only when
     * its ND4J has started, and the caller must go on watching the time limits meanwhile. If the JVM dies first, the
     * write fails and the reader reports the connection closed.
     */
    private void startWriter() {
        byte[] hidden = jvm.hiddenFiles();
        Thread writer = new Thread(() -> {
            try {
                // Straight to the channel: a stream from Channels would wait for the reader's lock.
                write(ByteBuffer.wrap((HiddenFiles.HEADER + hidden.length + "\n").getBytes(StandardCharsets.UTF_8)));
                write(ByteBuffer.wrap(hidden));
                if (jvm.waitsForGo()) {
                    write(ByteBuffer.wrap(ChildMain.GO.getBytes(StandardCharsets.UTF_8)));
                }
            } catch (IOException ignored) {
                // The JVM is gone; the reader sees the connection end.
            }
        }, "child-hidden-files");
        writer.setDaemon(true);
        writer.start();
    }

    private void write(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            socket.write(bytes);
        }
    }

    // The socket stays open until the JVM closes it or dies: the caller kills the JVM when it stops listening.
    private void startReader() {
        Thread reader = new Thread(() -> {
            try (socket; BufferedReader in = new BufferedReader(
                    new InputStreamReader(Channels.newInputStream(socket), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    queue.add(decode(line));
                }
            } catch (IOException ignored) {
                // The child closed the connection or died.
            } finally {
                queue.add(new Closed());
            }
        }, "child-events");
        reader.setDaemon(true);
        reader.start();
    }

    private static Incoming decode(String line) {
        try {
            return new Received(Json.MAPPER.readValue(line, ChildEvent.class));
        } catch (JacksonException e) {
            return new Refused("the test JVM sent a message the grader could not read.");
        }
    }
}
