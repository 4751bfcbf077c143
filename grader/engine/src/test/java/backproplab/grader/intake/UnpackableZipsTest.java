package backproplab.grader.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zips that cannot be unpacked as they are, and source folders made of symbolic links, are refused before anything
 * compiles, with a message that says what is wrong and how to make a good submission (never a compile error or a
 * grader failure).
 */
@DisplayName("submissions that cannot be unpacked or that link elsewhere")
class UnpackableZipsTest {

    private static final byte[] SOURCE = "package backproplab.a;\npublic class A { }\n".getBytes(StandardCharsets.UTF_8);
    private static final String MAKE_AGAIN = "Make the zip again";

    @TempDir
    Path temp;

    private SubmissionLoader loader() {
        return new SubmissionLoader(SubmissionLimits.DEFAULT);
    }

    @Test
    @DisplayName("a good zip still loads (the checks refuse nothing a normal zip tool makes)")
    void goodZipLoads() throws Exception {
        Path zip = zip(Map.of("src/main/java/backproplab/a/", new byte[0], "src/main/java/backproplab/a/A.java", SOURCE),
                StandardCharsets.UTF_8);

        assertThat(loader().load(zip, temp.resolve("work")).sources()).hasSize(1);
    }

    @Test
    @DisplayName("a zip cut short is refused as incomplete, saying it was probably truncated while uploaded")
    void truncatedZip() throws Exception {
        Path whole = zip(Map.of("backproplab/a/A.java", SOURCE, "backproplab/a/B.java", SOURCE), StandardCharsets.UTF_8);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(temp.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length * 2 / 3));

        assertRefused(cut, "The zip is incomplete", "cut short", MAKE_AGAIN);
    }

    @Test
    @DisplayName("a zip whose names are not UTF-8 is refused, naming the file and asking for plain names")
    void namesNotInUtf8() throws Exception {
        Path zip = zip(Map.of("backproplab/a/Caf\u00e9.java", SOURCE), Charset.forName("ISO-8859-1"));

        assertRefused(zip, "an encoding other than UTF-8", "plain letters and digits", MAKE_AGAIN);
    }

    @Test
    @DisplayName("a zip with a file and a folder of the same name is refused, naming both")
    void fileAndFolderWithOneName() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("backproplab/a", SOURCE);
        entries.put("backproplab/a/A.java", SOURCE);
        Path zip = zip(entries, StandardCharsets.UTF_8);

        assertRefused(zip, "a file and a folder both named 'backproplab/a'", MAKE_AGAIN);
    }

    @Test
    @DisplayName("a zip with a name longer than a file system accepts is refused, with the limit")
    void overLongName() throws Exception {
        Path zip = zip(Map.of("backproplab/a/" + "A".repeat(300) + ".java", SOURCE), StandardCharsets.UTF_8);

        assertRefused(zip, "file or folder name of 305 bytes", "at most 255", MAKE_AGAIN);
    }

    @Test
    @DisplayName("a zip holding a symbolic link (to a file elsewhere on the machine) is refused, not unpacked")
    void symbolicLinkInZip() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("backproplab/a/A.java", "/etc/hostname".getBytes(StandardCharsets.UTF_8));
        Path zip = asUnixSymlinks(zip(entries, StandardCharsets.UTF_8));

        assertRefused(zip, "'backproplab/a/A.java' is a symbolic link", "replace the link by the file itself");
        assertThat(temp.resolve("work")).as("nothing unpacked").satisfiesAnyOf(
                work -> assertThat(work).doesNotExist(),
                work -> assertThat(work.resolve("unzipped")).doesNotExist());
    }

    @Test
    @DisplayName("a zip holding the same file twice is refused")
    void sameNameTwice() throws Exception {
        Path zip = temp.resolve("twice.zip");
        Files.write(zip, twice("backproplab/a/A.java"));

        assertRefused(zip, "holds 'backproplab/a/A.java' twice");
    }

    @Test
    @DisplayName("a source folder whose .java files are symbolic links to sources elsewhere is refused, naming them")
    void folderOfLinks() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere/backproplab/a"));
        Files.write(elsewhere.resolve("A.java"), SOURCE);
        Path submission = Files.createDirectories(temp.resolve("submission/backproplab/a"));
        Files.write(submission.resolve("B.java"), SOURCE);
        Files.createSymbolicLink(submission.resolve("A.java"), elsewhere.resolve("A.java"));

        assertThatThrownBy(() -> loader().load(temp.resolve("submission"), temp.resolve("work")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("symbolic links").hasMessageContaining("backproplab/a/A.java")
                .hasMessageContaining("cp -L");
    }

    @Test
    @DisplayName("a module folder whose src is a symbolic link to another tree is refused")
    void linkedSourceFolder() throws Exception {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere/main/java/backproplab/a"));
        Files.write(elsewhere.resolve("A.java"), SOURCE);
        Path module = Files.createDirectories(temp.resolve("module"));
        Files.createSymbolicLink(module.resolve("src"), temp.resolve("elsewhere"));

        assertThatThrownBy(() -> loader().load(module, temp.resolve("work")))
                .isInstanceOf(SubmissionRejectedException.class)
                .hasMessageContaining("symbolic links").hasMessageContaining("src");
    }

    private void assertRefused(Path zip, String... phrases) {
        assertThatThrownBy(() -> loader().load(zip, temp.resolve("work")))
                .isInstanceOf(SubmissionRejectedException.class)
                .satisfies(e -> {
                    for (String phrase : phrases) {
                        assertThat(e.getMessage()).contains(phrase);
                    }
                });
    }

    private Path zip(Map<String, byte[]> entries, Charset names) throws IOException {
        Path zip = Files.createTempFile(temp, "submission", ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), names)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    /** Marks every central-directory entry as made on Unix with mode lrwxrwxrwx, as `zip -y` stores a link. */
    private static Path asUnixSymlinks(Path zip) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= bytes.limit(); at++) {
            if (bytes.getInt(at) == 0x02014b50) {
                bytes.putShort(at + 4, (short) 0x031E);
                bytes.putInt(at + 38, 0120777 << 16);
            }
        }
        return Files.write(zip, bytes.array());
    }

    /** A zip with two stored entries of one name (ZipOutputStream refuses to write one). */
    private static byte[] twice(String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(SOURCE);
        ByteBuffer out = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        int[] offsets = new int[2];
        for (int i = 0; i < 2; i++) {
            offsets[i] = out.position();
            out.putInt(0x04034b50).putShort((short) 10).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt((int) crc.getValue()).putInt(SOURCE.length).putInt(SOURCE.length)
                    .putShort((short) nameBytes.length).putShort((short) 0).put(nameBytes).put(SOURCE);
        }
        int directory = out.position();
        for (int i = 0; i < 2; i++) {
            out.putInt(0x02014b50).putShort((short) 20).putShort((short) 10).putShort((short) 0).putShort((short) 0)
                    .putInt(0).putInt((int) crc.getValue()).putInt(SOURCE.length).putInt(SOURCE.length)
                    .putShort((short) nameBytes.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offsets[i]).put(nameBytes);
        }
        int size = out.position() - directory;
        out.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 2).putShort((short) 2)
                .putInt(size).putInt(directory).putShort((short) 0);
        return Arrays.copyOf(out.array(), out.position());
    }
}
