package backproplab.grader.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

    /** The PNG text keyword of a caption, as the suites write it (a registered PNG keyword). */
    public static final String CAPTION_KEYWORD = "Description";

    /**
     * The caption written into a PNG: the text of its first {@code iTXt} (uncompressed, UTF-8) or {@code tEXt}
     * (Latin-1) chunk with the keyword {@value #CAPTION_KEYWORD}. The suites put it there, inside the file, so that
     * it travels with the picture.
     *
     * @param png a file path
     * @return the caption, stripped; empty if the file is missing, too large, not a PNG or has no caption
     */
    public static Optional<String> caption(Path png) {
        try {
            if (!Files.isRegularFile(png) || Files.size(png) > MAX_BYTES) {
                return Optional.empty();
            }
            return caption(Files.readAllBytes(png));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /**
     * The caption in a PNG's bytes; see {@link #caption(Path)}.
     *
     * @param bytes a PNG file's content
     * @return the caption, or empty
     */
    static Optional<String> caption(byte[] bytes) {
        if (bytes.length < SIGNATURE.length || !Arrays.equals(Arrays.copyOf(bytes, SIGNATURE.length), SIGNATURE)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int at = SIGNATURE.length;
        while (at + 12 <= bytes.length) {
            int length = buffer.getInt(at);
            if (length < 0 || at + 12L + length > bytes.length) {
                return Optional.empty();
            }
            String type = new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1);
            byte[] data = Arrays.copyOfRange(bytes, at + 8, at + 8 + length);
            Optional<String> text = switch (type) {
                case "iTXt" -> itxt(data);
                case "tEXt" -> text(data);
                case "IEND" -> Optional.of("");
                default -> Optional.empty();
            };
            if (text.isPresent()) {
                String caption = text.get().strip();
                return caption.isEmpty() ? Optional.empty() : Optional.of(caption);
            }
            at += 12 + length;
        }
        return Optional.empty();
    }

    /** keyword NUL text, Latin-1. */
    private static Optional<String> text(byte[] data) {
        int nul = indexOf(data, 0);
        if (nul < 0 || !CAPTION_KEYWORD.equals(new String(data, 0, nul, StandardCharsets.ISO_8859_1))) {
            return Optional.empty();
        }
        return Optional.of(new String(data, nul + 1, data.length - nul - 1, StandardCharsets.ISO_8859_1));
    }

    /** keyword NUL flag method language NUL translated-keyword NUL text, UTF-8; compressed text is skipped. */
    private static Optional<String> itxt(byte[] data) {
        int nul = indexOf(data, 0);
        if (nul < 0 || nul + 2 >= data.length || data[nul + 1] != 0
                || !CAPTION_KEYWORD.equals(new String(data, 0, nul, StandardCharsets.ISO_8859_1))) {
            return Optional.empty();
        }
        int language = indexOf(data, nul + 3);
        int translated = language < 0 ? -1 : indexOf(data, language + 1);
        if (translated < 0) {
            return Optional.empty();
        }
        return Optional.of(new String(data, translated + 1, data.length - translated - 1, StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
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
