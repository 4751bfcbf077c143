package backproplab.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * JavaCPP's cache of ND4J's native libraries (about 400 MB, unpacked from the platform jars on first use), which a
 * sandboxed test JVM may read but never write: a test JVM that could write it could plant a library that the next
 * submission's test JVM loads.
 *
 * <p>JavaCPP insists on a cache folder it can write to (for its lock file), so the sandbox gives it a folder in the
 * test JVM's scratch folder and mounts each of the real cache's sub-folders (one per platform jar) read-only inside
 * it; JavaCPP then finds every library unpacked already and loads it without writing. That only works when the cache
 * is complete, so before the first sandboxed run the grader fills it with a run of its own trusted code (the course
 * runtime starting ND4J, outside the sandbox) and records which platform jars it was filled from
 * ({@value #MARKER}); a change of those jars fills it again.
 */
final class NativeCache {

    /** The file in the cache that records the platform jars it was filled from. */
    static final String MARKER = ".backproplab-sandbox-ready";

    private static final Duration FILL_LIMIT = Duration.ofMinutes(5);

    private final Path folder;

    NativeCache(Path folder) {
        this.folder = folder;
    }

    /** The cache this JVM's JavaCPP would use: {@code org.bytedeco.javacpp.cachedir}, else {@code ~/.javacpp/cache}. */
    static NativeCache ofThisAccount() {
        for (String property : new String[] {"org.bytedeco.javacpp.cachedir", "org.bytedeco.javacpp.cacheDir"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank()) {
                return new NativeCache(Path.of(value).toAbsolutePath().normalize());
            }
        }
        return new NativeCache(Path.of(System.getProperty("user.home"), ".javacpp", "cache").toAbsolutePath().normalize());
    }

    Path folder() {
        return folder;
    }

    /** The cache's sub-folders, one per platform jar it was filled from. */
    List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isDirectory).sorted().toList();
        }
    }

    /**
     * Fills the cache unless it was filled from the same platform jars before.
     *
     * @param java      the java executable
     * @param classpath the test JVM's libraries (the course runtime and ND4J)
     * @return why the cache cannot be used, or empty when it is ready
     */
    Optional<String> ensureFilled(Path java, List<Path> classpath) {
        String expected = platformJars(classpath);
        Path marker = folder.resolve(MARKER);
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(expected)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            // Fill it again.
        }
        List<String> command = List.of(java.toString(), "-Dorg.bytedeco.javacpp.cachedir=" + folder,
                "-Djava.awt.headless=true", "-cp", RuntimeClasspath.join(classpath), "backproplab.runtime.Backend");
        Commands.Result filled = Commands.run(command, FILL_LIMIT);
        if (filled.exitCode() != 0) {
            return Optional.of("ND4J's native libraries could not be unpacked into " + folder + " (exit code "
                    + filled.exitCode() + "): " + Commands.firstLines(filled.output(), 3));
        }
        try {
            Files.createDirectories(folder);
            Files.writeString(marker, expected, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.of("ND4J's native cache " + folder + " cannot be written: " + e);
        }
        return Optional.empty();
    }

    /** Name, size and time of each platform jar (the ones JavaCPP unpacks), one per line. */
    static String platformJars(List<Path> classpath) {
        String platform = "-" + javacppPlatform();
        StringBuilder text = new StringBuilder();
        List<Path> jars = new ArrayList<>(classpath);
        jars.sort(null);
        for (Path jar : jars) {
            String name = jar.getFileName() == null ? "" : jar.getFileName().toString();
            if (name.endsWith(".jar") && name.contains(platform)) {
                try {
                    text.append(name).append(' ').append(Files.size(jar)).append(' ')
                            .append(Files.getLastModifiedTime(jar).toMillis()).append('\n');
                } catch (IOException e) {
                    text.append(name).append(" ?\n");
                }
            }
        }
        return text.toString();
    }

    /** JavaCPP's name of this platform, for example {@code linux-x86_64}. */
    static String javacppPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("mac") || os.startsWith("darwin") ? "macosx"
                : os.startsWith("windows") ? "windows" : os.split(" ")[0];
        String archName = switch (arch) {
            case "amd64", "x86-64", "x64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return osName + "-" + archName;
    }
}
