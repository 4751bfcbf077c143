package backproplab.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * JavaCPP's cache of ND4J's native libraries (about 400 MB, unpacked from the platform jars on first use), which a
 * sandboxed test JVM may read but never write: a test JVM that could write it could plant a library that the next
 * submission's test JVM loads.
 *
 * <p>JavaCPP insists on a cache folder it can write to (for its lock file), so the sandbox gives it a folder in the
 * test JVM's scratch folder and mounts each of the real cache's sub-folders (one per platform jar) read-only inside
 * it. JavaCPP then loads every library from there without writing, as long as each is there already with the size
 * and time of its jar entry (JavaCPP's own test before it unpacks again). So before a sandboxed run the grader checks
 * exactly that, and when a library is missing or stale it fills the cache with a run of its own trusted code (the
 * course runtime starting ND4J, outside the sandbox), as the platforms' setup scripts do when they build an image.
 */
final class NativeCache {

    private static final Duration FILL_LIMIT = Duration.ofMinutes(5);
    private static final Pattern LIBRARY = Pattern.compile(".*\\.(so(\\.\\d+)*|dylib|dll)$");

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
     * Fills the cache unless every native library of the platform jars is in it already, as JavaCPP expects it.
     *
     * @param java      the java executable
     * @param classpath the test JVM's libraries (the course runtime and ND4J)
     * @return why the cache cannot be used, or empty when it is ready
     */
    Optional<String> ensureFilled(Path java, List<Path> classpath) {
        if (missing(classpath).isEmpty()) {
            return Optional.empty();
        }
        List<String> command = List.of(java.toString(), "-Dorg.bytedeco.javacpp.cachedir=" + folder,
                "-Djava.awt.headless=true", "-cp", RuntimeClasspath.join(classpath), "backproplab.runtime.Backend");
        Commands.Result filled = Commands.run(command, FILL_LIMIT);
        if (filled.exitCode() != 0) {
            return Optional.of("ND4J's native libraries could not be unpacked into " + folder + " (exit code "
                    + filled.exitCode() + "): " + Commands.firstLines(filled.output(), 3));
        }
        List<String> stillMissing = missing(classpath);
        return stillMissing.isEmpty() ? Optional.empty()
                : Optional.of("ND4J's native cache " + folder + " still lacks " + stillMissing.get(0)
                        + (stillMissing.size() > 1 ? " and " + (stillMissing.size() - 1) + " more" : "")
                        + " after ND4J started");
    }

    /**
     * The native libraries of the class path's platform jars that are not in the cache with their entry's size and
     * time, as paths relative to the cache.
     */
    List<String> missing(List<Path> classpath) {
        String platform = javacppPlatform();
        List<String> missing = new ArrayList<>();
        for (Path jar : classpath) {
            String name = jar.getFileName() == null ? "" : jar.getFileName().toString();
            if (!name.endsWith(".jar") || !name.contains("-" + platform) || !Files.isRegularFile(jar)) {
                continue;
            }
            try (JarFile file = new JarFile(jar.toFile(), false)) {
                for (JarEntry entry : Collections.list(file.entries())) {
                    if (entry.isDirectory() || !entry.getName().contains("/" + platform + "/")
                            || !LIBRARY.matcher(entry.getName()).matches()) {
                        continue;
                    }
                    Path cached = folder.resolve(name).resolve(entry.getName());
                    if (!Files.isRegularFile(cached) || Files.size(cached) != entry.getSize()
                            || Files.getLastModifiedTime(cached).toMillis() != entry.getTime()) {
                        missing.add(name + "/" + entry.getName());
                    }
                }
            } catch (IOException e) {
                missing.add(name + " (unreadable: " + e.getMessage() + ")");
            }
        }
        return missing;
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
