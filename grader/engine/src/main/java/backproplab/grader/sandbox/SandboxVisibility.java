package backproplab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Whether the test JVM under bubblewrap can read a host file at its own path: always when it runs in a user namespace
 * of its own (the grader's account outside it), and when the grader runs as root (the test JVM then runs as another
 * uid) only if everyone may read the file and search every folder above it. {@link Bubblewrap} mounts a file that
 * fails this elsewhere; the end-to-end tests ask the same question to know what to expect.
 */
public final class SandboxVisibility {

    private SandboxVisibility() {
    }

    /**
     * Whether the sandboxed test JVM of this grader can read {@code path} where it is.
     *
     * @param path a host file or folder
     */
    public static boolean readableInPlace(Path path) {
        return readable(path, isRoot());
    }

    /** The same, for a grader that runs as root or not. */
    static boolean readable(Path path, boolean root) {
        if (!root) {
            return Files.exists(path);
        }
        try {
            if (!Files.exists(path)) {
                return false;
            }
            Set<PosixFilePermission> own = Files.getPosixFilePermissions(path);
            if (!own.contains(PosixFilePermission.OTHERS_READ)) {
                return false;
            }
            for (Path folder = path.toAbsolutePath().getParent(); folder != null; folder = folder.getParent()) {
                if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            return !Files.isDirectory(path) || own.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Whether this process runs as root. */
    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
