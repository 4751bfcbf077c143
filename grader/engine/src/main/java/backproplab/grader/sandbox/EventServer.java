package backproplab.grader.sandbox;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The engine's end of one test JVM's event channel: a Unix domain socket that the engine binds in the test JVM's
 * scratch folder before starting it. A file-system socket reaches a test JVM in a network namespace of its own (where
 * no TCP port of the host does), and only processes that can reach the scratch folder can connect. The first
 * connection is the test JVM's (it must send the request's secret first, see {@link ChildConnection}); the socket is
 * then closed and removed, so nothing else can connect.
 */
final class EventServer implements AutoCloseable {

    /** The socket's file name in the scratch folder. */
    static final String NAME = "events.sock";
    /** Longest socket path the engine binds (the kernel's limit is 107 bytes on Linux, 103 on macOS). */
    private static final int MAX_PATH_BYTES = 100;

    private final ServerSocketChannel channel;
    private final Path socket;
    private final Path ownFolder;

    private EventServer(ServerSocketChannel channel, Path socket, Path ownFolder) {
        this.channel = channel;
        this.socket = socket;
        this.ownFolder = ownFolder;
    }

    /**
     * Binds the socket in {@code scratch}, or, when that path would be too long for a socket, in a folder of its own
     * under the system's temporary folder.
     */
    static EventServer bind(Path scratch) throws IOException {
        Path socket = scratch.toAbsolutePath().resolve(NAME);
        Path ownFolder = null;
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            ownFolder = Files.createTempDirectory("bpl-events-");
            socket = ownFolder.resolve("s");
        }
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(socket), 1);
            channel.configureBlocking(false);
            if (Files.getFileStore(socket.getParent()).supportsFileAttributeView("posix")) {
                // The test JVM may run as another uid; the folder around the socket keeps everyone else out.
                Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
                if (ownFolder != null) {
                    Files.setPosixFilePermissions(ownFolder, PosixFilePermissions.fromString("rwx--x--x"));
                }
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new EventServer(channel, socket, ownFolder);
    }

    /** The socket's path on the host. */
    Path socket() {
        return socket;
    }

    /** The test JVM's connection if it has connected, else {@code null}; once it has, the socket is closed. */
    SocketChannel accept() throws IOException {
        SocketChannel accepted = channel.accept();
        if (accepted != null) {
            accepted.configureBlocking(true);
            close();
        }
        return accepted;
    }

    /** Closes and removes the socket. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(socket);
            if (ownFolder != null) {
                try (Stream<Path> files = Files.walk(ownFolder)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }
}
