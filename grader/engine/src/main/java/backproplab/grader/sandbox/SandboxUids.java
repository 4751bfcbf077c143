package backproplab.grader.sandbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * A uid of its own for each sandboxed test JVM that runs at the same time on this machine, when the grader runs as
 * root. The kernel counts processes per uid, so with one shared uid the process cap ({@code prlimit --nproc}) is
 * shared too: a fork bomb in one submission's sandbox took every process of uid 65534, and the test JVM of the
 * submission graded beside it (or of another grader on the machine) could not start, and scored 0.
 *
 * <p>The uids are 65534 ({@code nobody}) and, while it is taken, the ones below it down to {@link #LOWEST}, a range
 * that Debian and most distributions reserve and never give to an account. A uid is taken by holding an exclusive
 * lock on a file named after it in a folder every grader on the machine shares, so the lease also works between
 * grader processes (shards, batch jobs, several courses), and a grader that dies frees its uids with its locks. When
 * every uid is taken, the lease is 65534, shared: the process cap is then shared as before, never missing.
 */
final class SandboxUids {

    /** The first uid leased: nobody. */
    static final int NOBODY = 65534;
    /** The lowest uid leased. */
    static final int LOWEST = NOBODY - 63;

    /**
     * The lock files this JVM holds, by folder and uid. They are never opened twice: on Linux, closing any channel of
     * a file drops every lock the JVM holds on it, so a second look at a held file would free it.
     */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path folder;

    /** The uids of every grader on this machine: locks in {@code <java.io.tmpdir>/backproplab-sandbox-uids}. */
    SandboxUids() {
        this(Path.of(System.getProperty("java.io.tmpdir"), "backproplab-sandbox-uids"));
    }

    /** @param folder where the lock files are (tests use a folder of their own) */
    SandboxUids(Path folder) {
        this.folder = folder;
    }

    /** One uid, held until {@link #close()}. */
    static final class Lease implements AutoCloseable {
        private final int uid;
        private final FileChannel channel;
        private final Path file;

        private Lease(int uid, FileChannel channel, Path file) {
            this.uid = uid;
            this.channel = channel;
            this.file = file;
        }

        /** The uid (and gid) the test JVM runs as. */
        int uid() {
            return uid;
        }

        /** Whether no other sandbox of this machine holds this uid (false for the shared fallback). */
        boolean exclusive() {
            return channel != null;
        }

        /** Frees the uid. */
        @Override
        public void close() {
            if (channel == null) {
                return;
            }
            synchronized (HELD) {
                if (!HELD.remove(file)) {
                    return;
                }
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Closing the channel drops the lock; a failure leaves the uid to the grader's exit.
                }
            }
        }
    }

    /**
     * Takes the highest free uid of the range.
     *
     * @return the lease; the shared 65534 when every uid is taken or the lock folder cannot be made
     */
    Lease lease() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            return new Lease(NOBODY, null, null);
        }
        synchronized (HELD) {
            for (int uid = NOBODY; uid >= LOWEST; uid--) {
                Path file = folder.toAbsolutePath().resolve("uid-" + uid + ".lock");
                if (HELD.contains(file)) {
                    continue;
                }
                FileChannel channel = null;
                try {
                    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        HELD.add(file);
                        return new Lease(uid, channel, file);
                    }
                } catch (OverlappingFileLockException | IOException taken) {
                    // Not lockable: try the next uid.
                }
                closeQuietly(channel);
            }
        }
        return new Lease(NOBODY, null, null);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing was locked through it.
            }
        }
    }
}
