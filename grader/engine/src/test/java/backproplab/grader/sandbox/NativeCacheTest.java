package backproplab.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When ND4J's native cache can be mounted read-only: every library of the platform jars is there as JavaCPP wants it. */
@DisplayName("ND4J's native cache")
class NativeCacheTest {

    private static final long ENTRY_TIME = 1_600_000_000_000L;
    private static final String LIBRARY = "org/example/" + NativeCache.javacppPlatform() + "/libexample.so.1";

    @TempDir
    Path temp;

    @Test
    @DisplayName("a library missing from the cache, or of another size or time, is missing; one as unpacked is not")
    void missingLibraries() throws IOException {
        Path jar = platformJar("example-1.0-" + NativeCache.javacppPlatform() + ".jar", new byte[] {1, 2, 3});
        Path other = platformJar("plain-1.0.jar", new byte[] {4});
        NativeCache cache = new NativeCache(temp.resolve("cache"));
        String key = jar.getFileName() + "/" + LIBRARY;

        assertThat(cache.missing(List.of(jar, other))).as("empty cache").containsExactly(key);

        Path cached = Files.createDirectories(cache.folder().resolve(jar.getFileName().toString())
                .resolve(LIBRARY).getParent()).resolve("libexample.so.1");
        Files.write(cached, new byte[] {1, 2});
        Files.setLastModifiedTime(cached, FileTime.fromMillis(ENTRY_TIME));
        assertThat(cache.missing(List.of(jar))).as("wrong size").containsExactly(key);

        Files.write(cached, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(cached, FileTime.fromMillis(ENTRY_TIME + 2000));
        assertThat(cache.missing(List.of(jar))).as("another time (JavaCPP would unpack it again)").containsExactly(key);

        Files.setLastModifiedTime(cached, FileTime.fromMillis(ENTRY_TIME));
        assertThat(cache.missing(List.of(jar, other))).as("as unpacked").isEmpty();
        assertThat(cache.entries()).containsExactly(cache.folder().resolve(jar.getFileName().toString()));
    }

    private Path platformJar(String name, byte[] library) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            JarEntry entry = new JarEntry(LIBRARY);
            entry.setTime(ENTRY_TIME);
            out.putNextEntry(entry);
            out.write(library);
            out.closeEntry();
            out.putNextEntry(new JarEntry("org/example/Example.class"));
            out.write(new byte[] {0});
            out.closeEntry();
        }
        return jar;
    }
}
