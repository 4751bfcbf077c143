package backproplab.grader.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The most a test JVM may keep in its scratch folder, the one place it can write: the folder is on the grading
 * machine's disk, so without a cap a submission could fill that disk (it wrote 1 GB in under a second). The grader
 * looks at the folder at every poll of the JVM's events (10 times a second) while the JVM runs, and stops the JVM and
 * deletes its files when the folder holds more than the cap; under bubblewrap, {@code prlimit --fsize} also caps each
 * file at the same size. The exercises need no files: the cap leaves room for the grader's own (pictures, logs).
 *
 * @param maxBytes the most bytes of files the folder may hold
 * @param maxFiles the most files and folders it may hold (a flood of empty files costs the disk too)
 */
record ScratchQuota(long maxBytes, int maxFiles) {

    /** 256 MB in at most 20,000 files and folders. */
    static final ScratchQuota DEFAULT = new ScratchQuota(256L << 20, 20_000);

    /**
     * Whether the folder holds more than the quota; the walk stops as soon as it does.
     *
     * @param scratch the test JVM's scratch folder on the host
     * @return the student-facing reason to stop the JVM, or empty
     */
    Optional<String> exceeded(Path scratch) {
        long[] bytes = {0};
        int[] entries = {0};
        try {
            Files.walkFileTree(scratch, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return ++entries[0] > maxFiles ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    bytes[0] += attrs.isRegularFile() ? attrs.size() : 0;
                    return ++entries[0] > maxFiles || bytes[0] > maxBytes ? FileVisitResult.TERMINATE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A file deleted while the walk ran, or one the grader may not read: it holds nothing to count.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return Optional.empty();
        }
        if (bytes[0] > maxBytes) {
            return Optional.of("the code under test wrote more than " + (maxBytes >> 20) + " MB of files (the exercises "
                    + "need no files: compute in memory and return the result).");
        }
        if (entries[0] > maxFiles) {
            return Optional.of("the code under test made more than " + maxFiles + " files (the exercises need no files: "
                    + "compute in memory and return the result).");
        }
        return Optional.empty();
    }

    /**
     * Deletes every file of a stopped JVM's scratch folder, keeping the folders (the sandbox's mount points).
     *
     * @param scratch the scratch folder on the host
     */
    static void deleteFiles(Path scratch) {
        try {
            Files.walkFileTree(scratch, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException ignored) {
                        // Left for the end of the run, when the whole work folder goes.
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // Same.
        }
    }
}
