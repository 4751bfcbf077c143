package backproplab.grader.child;

import backproplab.grader.protocol.ChildEvent;
import backproplab.grader.protocol.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The child's end of the event stream: a TCP connection to the parent on 127.0.0.1, one JSON event per
 * line, flushed at once so the parent has every event up to the moment the child dies. A channel of its
 * own, so nothing a student prints can corrupt it.
 */
final class EventWriter implements AutoCloseable {

    /** Exit code of a child whose parent stopped listening. */
    static final int ORPHANED_EXIT_CODE = 87;

    private final Socket socket;
    private final Writer out;

    EventWriter(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    /** Blocks until the parent sends a line; {@code null} when the parent closed the connection. */
    String readLine() throws IOException {
        return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    synchronized void send(ChildEvent event) {
        try {
            out.write(Json.MAPPER.writerFor(ChildEvent.class).writeValueAsString(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            // The parent is gone (killed, or it gave up on this child): nobody will score what runs next.
            Runtime.getRuntime().halt(ORPHANED_EXIT_CODE);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.flush();
        socket.close();
    }
}
