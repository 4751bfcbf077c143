package backproplab.grader.engine.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder moves and deletes for the batch: a submission's folder appears complete, in one move, or not at all. */
final class Folders {

    private Folders() {
    }

    /**
     * Puts a complete folder in place of {@code target}: any old {@code target} is first moved aside, then
     * {@code complete} is moved (atomically where the file system can) to {@code target}, then the old one deleted.
     */
    static void replace(Path complete, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = complete.resolveSibling(complete.getFileName() + ".old");
            move(target, old);
        }
        move(complete, target);
        if (old != null) {
            deleteQuietly(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Copies a folder tree. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Deletes a folder tree, ignoring what cannot be deleted. */
    static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // A temporary file left behind is harmless.
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // Same.
        }
    }
}
