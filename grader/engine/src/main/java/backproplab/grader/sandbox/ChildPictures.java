package backproplab.grader.sandbox;

import backproplab.grader.protocol.ChildEvent;
import backproplab.scoring.Attachments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The training pictures of one forked run. A test JVM draws them into its own scratch folder and attaches them by
 * path ({@link Attachments#IMAGE_KEY}); it never writes into the report folder. The engine keeps only attachments
 * of PNG files directly in that JVM's pictures folder, points them at the report folder instead, and copies those
 * files there once the JVM is gone, checking that each is a regular file (no link), small enough, and a PNG.
 */
final class ChildPictures {

    /** Largest picture copied, in bytes. */
    static final long MAX_BYTES = 4L * 1024 * 1024;
    /** Most pictures kept from one test JVM. */
    static final int MAX_PICTURES = 100;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final Path destination;
    private Path seenFolder;
    private Path hostFolder;
    private final Set<String> attached = new LinkedHashSet<>();

    /**
     * @param destination where the reports expect the pictures ({@code <out>/images}), or {@code null} for no pictures
     */
    ChildPictures(Path destination) {
        this.destination = destination == null ? null : destination.toAbsolutePath().normalize();
    }

    /**
     * A test JVM starts.
     *
     * @param seen the pictures folder as the test JVM sees it
     * @param host the same folder on the host
     */
    void childStarted(Path seen, Path host) {
        seenFolder = seen.toAbsolutePath().normalize();
        hostFolder = host.toAbsolutePath().normalize();
        attached.clear();
    }

    /**
     * The event as the engine keeps it: a picture attachment is pointed at the report folder, or dropped ({@code null})
     * when it names anything but a PNG in the test JVM's pictures folder; every other event is kept as it is.
     */
    ChildEvent translate(ChildEvent event) {
        if (!(event instanceof ChildEvent.ReportEntry entry) || !Attachments.IMAGE_KEY.equals(entry.key())) {
            return event;
        }
        if (destination == null || seenFolder == null || entry.value() == null) {
            return null;
        }
        Path picture;
        try {
            picture = Path.of(entry.value()).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return null;
        }
        Path name = picture.getFileName();
        if (name == null || !seenFolder.equals(picture.getParent()) || !name.toString().endsWith(".png")
                || (!attached.contains(name.toString()) && attached.size() >= MAX_PICTURES)) {
            return null;
        }
        attached.add(name.toString());
        return new ChildEvent.ReportEntry(entry.id(), entry.key(), destination.resolve(name.toString()).toString());
    }

    /**
     * The test JVM is gone: copies its attached pictures into the report folder. A file that is not a small regular PNG
     * is not copied, and an older file of that name in the report folder is removed, so the report shows no stale
     * picture. A report folder that cannot be written only loses the pictures.
     */
    void childEnded() {
        if (destination == null || hostFolder == null) {
            return;
        }
        for (String name : attached) {
            Path target = destination.resolve(name);
            try {
                byte[] png = read(hostFolder.resolve(name));
                if (png == null) {
                    Files.deleteIfExists(target);
                } else {
                    Files.createDirectories(destination);
                    Path part = Files.createTempFile(destination, ".picture-", ".part");
                    Files.write(part, png);
                    if (Files.getFileStore(part).supportsFileAttributeView("posix")) {
                        Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-r--r--"));
                    }
                    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException | RuntimeException e) {
                // No picture for that test.
            }
        }
        attached.clear();
    }

    /** The bytes of a small regular PNG file, read without following links; {@code null} for anything else. */
    private static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || !Files.isDirectory(file.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            boolean png = bytes.length >= PNG_SIGNATURE.length
                    && Arrays.equals(Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE);
            return png && bytes.length <= MAX_BYTES ? bytes : null;
        } catch (IOException e) {
            return null;
        }
    }
}
