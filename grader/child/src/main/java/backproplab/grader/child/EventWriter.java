package backproplab.grader.child;

import backproplab.grader.protocol.ChildEvent;
import backproplab.grader.protocol.Json;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child's end of the event stream: a Unix domain socket that the parent bound in the child's scratch folder, one
 * JSON event per line, flushed at once so the parent has every event up to the moment the child dies. A channel of
 * its own, so nothing a student prints can corrupt it; a file-system socket rather than TCP, so it also works when the
 * test JVM runs in a network namespace of its own (no network at all).
 */
final class EventWriter implements AutoCloseable {

    /** Exit code of a child whose parent stopped listening. */
    static final int ORPHANED_EXIT_CODE = 87;

    private final SocketChannel channel;
    private final Writer out;

    EventWriter(Path socket) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        out = new BufferedWriter(new OutputStreamWriter(new ChannelOutput(channel), StandardCharsets.UTF_8));
    }

    /**
     * Blocks until the parent has sent exactly {@code count} more bytes.
     *
     * @throws IOException if the parent closed the connection before
     */
    byte[] readBytes(int count) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(count);
        while (bytes.hasRemaining()) {
            if (channel.read(bytes) < 0) {
                throw new IOException("the grader closed the connection after " + bytes.position() + " of " + count + " bytes");
            }
        }
        return bytes.array();
    }

    /** Blocks until the parent sends a line; {@code null} when the parent closed the connection. */
    String readLine() throws IOException {
        // Byte by byte, so nothing past the line is read ahead; the parent sends nothing after it.
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (true) {
            one.clear();
            if (channel.read(one) < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            byte b = one.get(0);
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
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
        channel.close();
    }

    /**
     * Writes straight to the channel. {@code Channels.newOutputStream} would lock the channel's blocking lock, which a
     * blocked read holds too.
     */
    private static final class ChannelOutput extends OutputStream {
        private final SocketChannel channel;

        ChannelOutput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
