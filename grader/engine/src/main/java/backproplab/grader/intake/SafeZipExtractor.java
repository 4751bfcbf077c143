package backproplab.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a zip without trusting it: no entry may land outside the target folder (zip-slip), and the
 * number of entries and the bytes actually written are capped (zip bombs).
 */
public final class SafeZipExtractor {

    private final SubmissionLimits limits;

    /** @param limits the caps on entries and unzipped bytes */
    public SafeZipExtractor(SubmissionLimits limits) {
        this.limits = limits;
    }

    /**
     * Unpacks {@code zip} into {@code target}, which must be empty or absent.
     *
     * @throws SubmissionRejectedException if the zip is broken, escapes the target or is too large
     * @throws IOException                 if the target cannot be written
     */
    public void extract(Path zip, Path target) throws SubmissionRejectedException, IOException {
        Files.createDirectories(target);
        Path root = target.toRealPath();
        int entries = 0;
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > limits.maxZipEntries()) {
                    throw new SubmissionRejectedException("The zip has more than " + limits.maxZipEntries()
                            + " entries. Zip only your source folder (src/main/java or the packages in it).");
                }
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root) || entry.getName().startsWith("/") || entry.getName().contains("\\")) {
                    throw new SubmissionRejectedException("The zip entry '" + entry.getName()
                            + "' points outside the zip's folder; it was refused. Make the zip again from your source folder.");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                written = copy(in, destination, buffer, written);
            }
        } catch (ZipException e) {
            throw new SubmissionRejectedException("The file is not a readable zip: " + e.getMessage()
                    + ". Make the zip again from your source folder.", e);
        }
        if (entries == 0) {
            throw new SubmissionRejectedException("The zip is empty (or not a zip). Zip your source folder and submit again.");
        }
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
