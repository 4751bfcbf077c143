package backproplab.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a zip without trusting it: no entry may land outside the target folder (zip-slip), and the
 * number of entries and the bytes actually written are capped (zip bombs). A zip that cannot be unpacked as it is
 * (cut short, names not in UTF-8, a file and a folder with one name, names too long for a file system, symbolic
 * links, the same name twice) is refused before anything is written, with a message that says what is wrong and
 * how to make a good zip.
 */
public final class SafeZipExtractor {

    /** The longest file or folder name most file systems accept, in bytes. */
    static final int MAX_NAME_BYTES = 255;
    /** The longest path inside the zip accepted, in bytes. */
    static final int MAX_PATH_BYTES = 1024;

    private static final String REMAKE = " Make the zip again from your source folder (for example `zip -r submission.zip src` "
            + "in a terminal, or your file manager's Compress command) and check that it opens on your computer before "
            + "you submit.";

    private final SubmissionLimits limits;

    /** @param limits the caps on entries and unzipped bytes */
    public SafeZipExtractor(SubmissionLimits limits) {
        this.limits = limits;
    }

    /**
     * Unpacks {@code zip} into {@code target}, which must be empty or absent.
     *
     * @throws SubmissionRejectedException if the zip is broken, escapes the target, is too large or cannot be
     *                                     unpacked as it is
     * @throws IOException                 if the target cannot be written
     */
    public void extract(Path zip, Path target) throws SubmissionRejectedException, IOException {
        check(zip);
        Files.createDirectories(target);
        Path root = target.toRealPath();
        int entries = 0;
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            for (Enumeration<? extends ZipEntry> all = file.entries(); all.hasMoreElements(); ) {
                ZipEntry entry = all.nextElement();
                if (++entries > limits.maxZipEntries()) {
                    throw tooMany();
                }
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root) || entry.getName().startsWith("/") || entry.getName().contains("\\")) {
                    throw new SubmissionRejectedException("The zip entry '" + entry.getName()
                            + "' points outside the zip's folder; it was refused. Make the zip again from your source folder.");
                }
                try {
                    if (entry.isDirectory()) {
                        Files.createDirectories(destination);
                        continue;
                    }
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        written = copy(in, destination, buffer, written);
                    }
                } catch (ZipException | java.io.EOFException e) {
                    throw new SubmissionRejectedException("The zip entry '" + entry.getName() + "' is damaged ("
                            + e.getMessage() + ")." + REMAKE, e);
                } catch (FileSystemException e) {
                    if (String.valueOf(e.getReason()).contains("No space left")) {
                        throw e;
                    }
                    throw new SubmissionRejectedException("The zip entry '" + entry.getName()
                            + "' cannot be unpacked (" + e.getReason() + ")." + REMAKE, e);
                }
            }
        } catch (ZipException e) {
            throw new SubmissionRejectedException("The file is not a readable zip: " + e.getMessage() + "." + REMAKE, e);
        }
        if (entries == 0) {
            throw new SubmissionRejectedException("The zip is empty (or not a zip). Zip your source folder and submit again.");
        }
    }

    /** Refuses a zip that cannot be unpacked as it is, from its list of files alone. */
    private void check(Path zip) throws SubmissionRejectedException, IOException {
        List<ZipDirectory.Entry> entries;
        try {
            entries = ZipDirectory.read(zip, limits.maxZipEntries());
        } catch (ZipDirectory.Truncated e) {
            throw new SubmissionRejectedException("The zip is incomplete: its end, which lists the files in it, is "
                    + "missing or damaged (" + e.getMessage() + "). It was probably cut short while it was uploaded, "
                    + "downloaded or copied." + REMAKE, e);
        }
        if (entries == null) {
            throw tooMany();
        }
        Set<String> files = new HashSet<>();
        Set<String> folders = new HashSet<>();
        for (ZipDirectory.Entry entry : entries) {
            String name = entry.name();
            if (!entry.utf8()) {
                throw new SubmissionRejectedException("The zip stores the name '" + name + "' in an encoding other "
                        + "than UTF-8 (the zip tool used an old code page), so the grader cannot know what the file is "
                        + "called. Give your files and folders names of plain letters and digits (A-Z, a-z, 0-9, as "
                        + "Java package and class names should be), or use a zip tool that writes UTF-8 names." + REMAKE);
            }
            if (entry.symlink()) {
                throw new SubmissionRejectedException("The zip entry '" + name + "' is a symbolic link, not a file. "
                        + "The grader grades only the files inside your zip: replace the link by the file itself (with "
                        + "`zip -r`, leave out the -y option, which stores links)." + REMAKE);
            }
            checkLength(name);
            boolean folder = name.endsWith("/");
            String path = folder ? name.substring(0, name.length() - 1) : name;
            if (path.isEmpty()) {
                continue;
            }
            if (!folder && !files.add(path)) {
                throw new SubmissionRejectedException("The zip holds '" + path + "' twice, so the grader cannot know "
                        + "which copy you mean." + REMAKE);
            }
            if (folder) {
                folders.add(path);
            }
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                folders.add(path.substring(0, slash));
            }
        }
        for (String file : files) {
            if (folders.contains(file)) {
                throw new SubmissionRejectedException("The zip holds a file and a folder both named '" + file
                        + "'; once unpacked, one would have to replace the other. Rename or remove the file, then make "
                        + "the zip again." + REMAKE);
            }
        }
    }

    private static void checkLength(String name) throws SubmissionRejectedException {
        int pathBytes = name.getBytes(StandardCharsets.UTF_8).length;
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        if (pathBytes > MAX_PATH_BYTES) {
            throw new SubmissionRejectedException("The zip entry '" + shown + "' has a path of " + pathBytes
                    + " bytes; the grader accepts at most " + MAX_PATH_BYTES + ". Use shorter folder and file names."
                    + REMAKE);
        }
        for (String part : name.split("/")) {
            int bytes = part.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NAME_BYTES) {
                throw new SubmissionRejectedException("The zip entry '" + shown + "' has a file or folder name of "
                        + bytes + " bytes; file systems accept at most " + MAX_NAME_BYTES + " bytes per name. Use a "
                        + "shorter name (a Java class is named after its class, such as Activations.java)." + REMAKE);
            }
        }
    }

    private SubmissionRejectedException tooMany() {
        return new SubmissionRejectedException("The zip has more than " + limits.maxZipEntries()
                + " entries. Zip only your source folder (src/main/java or the packages in it).");
    }

    private long copy(InputStream in, Path destination, byte[] buffer, long writtenSoFar)
            throws IOException, SubmissionRejectedException {
        long written = writtenSoFar;
        try (OutputStream out = Files.newOutputStream(destination)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                written += n;
                if (written > limits.maxUnzippedBytes()) {
                    throw new SubmissionRejectedException("The zip expands to more than "
                            + (limits.maxUnzippedBytes() >> 20) + " MB. Zip only your source files.");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }
}
