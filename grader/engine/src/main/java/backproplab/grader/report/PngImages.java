package backproplab.grader.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** Reads attached PNG files as {@code data:image/png;base64,...} URLs, for embedding in reports. */
public final class PngImages {

    /** Largest PNG embedded, in bytes; larger files are left out, so a report stays small. */
    public static final long MAX_BYTES = 512 * 1024;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngImages() {
    }

    /**
     * The data URL of a PNG file.
     *
     * @param png a file path
     * @return the data URL, or empty if the file is missing, unreadable, larger than {@link #MAX_BYTES} or
     *         not a PNG
     */
    public static Optional<String> dataUrl(Path png) {
        try {
            if (!Files.isRegularFile(png) || Files.size(png) > MAX_BYTES) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(png);
            if (bytes.length < SIGNATURE.length || !Arrays.equals(Arrays.copyOf(bytes, SIGNATURE.length), SIGNATURE)) {
                return Optional.empty();
            }
            return Optional.of("data:image/png;base64," + Base64.getEncoder().encodeToString(bytes));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The label of an image: its file name.
     *
     * @param png a file path
     * @return the file name, for example {@code moons-boundary.png}
     */
    public static String label(Path png) {
        Path name = png.getFileName();
        return name == null ? png.toString() : name.toString();
    }
}
