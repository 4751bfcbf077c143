package backproplab.grader.sandbox;

import backproplab.grader.protocol.HiddenFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import java.util.stream.Stream;

/**
 * Packs the files a test JVM must not be able to read into the archive of {@link HiddenFiles}, which the parent sends
 * over the event socket: the hidden suites (a jar or a class folder), the reference classes and the instructor's
 * thresholds file. Built once per grader; the bytes are the same for every test JVM.
 */
final class HiddenFilesArchive {

    private HiddenFilesArchive() {
    }

    /**
     * @param suites     jars or class folders of the hidden suites
     * @param reference  jars or class folders of the reference classes
     * @param thresholds the instructor's thresholds file, or {@code null}
     * @return the zip archive's bytes
     * @throws IOException if a file cannot be read
     */
    static byte[] of(List<Path> suites, List<Path> reference, Path thresholds) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // Stored, not deflated: the archive crosses a local socket, and packing it would cost more than sending it.
            zip.setLevel(0);
            for (Path entry : suites) {
                add(zip, HiddenFiles.SUITES, entry);
            }
            for (Path entry : reference) {
                add(zip, HiddenFiles.REFERENCE, entry);
            }
            if (thresholds != null) {
                put(zip, HiddenFiles.THRESHOLDS_OVERRIDE, Files.readAllBytes(thresholds));
            }
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String prefix, Path location) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    put(zip, prefix + location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        } else if (Files.isRegularFile(location)) {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                for (ZipEntry entry : jar.stream().filter(e -> !e.isDirectory()).toList()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        put(zip, prefix + entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
