package backproplab.grader.engine.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * SHA-256 of what a student submitted: a zip's bytes, or a folder's files (their relative paths and contents, in
 * sorted order; {@code .git} and build output {@code target} left out), so that a rerun can tell an unchanged
 * submission from a new one.
 */
public final class ContentHash {

    private static final Set<String> IGNORED_FOLDERS = Set.of(".git", "target", "__MACOSX");

    private ContentHash() {
    }

    /**
     * Hashes a submission.
     *
     * @param submission a folder or a file
     * @return {@code sha256:} and 64 hex digits
     * @throws IOException if it cannot be read
     */
    public static String of(Path submission) throws IOException {
        MessageDigest digest = sha256();
        if (Files.isDirectory(submission, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(submission)) {
                files = walk.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                        .filter(file -> !ignored(submission.relativize(file)))
                        .sorted().toList();
            }
            for (Path file : files) {
                digest.update(submission.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                update(digest, file);
                digest.update((byte) 0);
            }
        } else {
            update(digest, submission);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of some text, for fingerprints. */
    static String ofText(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Adds a file's bytes to a digest. */
    static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static boolean ignored(Path relative) {
        for (Path part : relative) {
            if (IGNORED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
