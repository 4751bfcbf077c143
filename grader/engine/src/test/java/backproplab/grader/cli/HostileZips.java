package backproplab.grader.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zips of the hostile corpus, built at test time (a zip checked into the tests would hide its trick from a
 * reader): a symbolic link to a file of the machine, a name that climbs out of the folder it is unpacked in
 * ({@code ../}), an absolute name, and a bomb (a few hundred KB that unpack to 200 MB of zeros).
 */
final class HostileZips {

    private static final String SOURCE = "backproplab/activations/Activations.java";

    private HostileZips() {
    }

    /** Writes every zip of the corpus into {@code folder}, each named as its row of expected.tsv. */
    static void write(Path folder) throws IOException {
        symlink(folder.resolve("zip-symlink.zip"));
        withEntry(folder.resolve("zip-slip.zip"), "../../backproplab-hostile-zip-slip", "planted".getBytes(StandardCharsets.UTF_8));
        withEntry(folder.resolve("zip-absolute.zip"), "/tmp/backproplab-hostile-zip-absolute",
                "planted".getBytes(StandardCharsets.UTF_8));
        bomb(folder.resolve("zip-bomb.zip"));
    }

    /** A zip whose one entry is a Unix symbolic link to a file elsewhere on the machine (as `zip -y` stores it). */
    private static void symlink(Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(SOURCE));
            out.write("/etc/hostname".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= bytes.limit(); at++) {
            if (bytes.getInt(at) == 0x02014b50) {
                bytes.putShort(at + 4, (short) 0x031E);
                bytes.putInt(at + 38, 0120777 << 16);
            }
        }
        Files.write(zip, bytes.array());
    }

    /** A zip with a harmless source file and one entry named {@code name}. */
    private static void withEntry(Path zip, String name, byte[] content) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(SOURCE));
            out.write(("package backproplab.activations;\n\n/** Hostile corpus: a harmless file beside the trick. */\n"
                    + "final class Activations {\n}\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }
    }

    /** A zip of about 200 KB whose one entry unpacks to 200 MB of zeros. */
    private static void bomb(Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("backproplab/activations/backproplab-hostile-zip-bomb.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int mb = 0; mb < 200; mb++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
    }
}
