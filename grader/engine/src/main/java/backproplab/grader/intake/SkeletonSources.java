package backproplab.grader.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The skeleton's sources ({@code exercises/src/main/java}), bundled into the grader at build time under
 * {@value #RESOURCE_FOLDER}: the course content the grader reads given files and the exercises' order from.
 */
public final class SkeletonSources {

    /** Where the build puts the skeleton's sources, relative to the class path. */
    static final String RESOURCE_FOLDER = "backproplab/grader/skeleton";

    private static volatile Map<String, String> bundled;

    private SkeletonSources() {
    }

    /**
     * The bundled sources, read once.
     *
     * @return each file's text by its path relative to the source root ({@code backproplab/demos/Demos.java}), sorted
     */
    public static Map<String, String> bundled() {
        Map<String, String> files = bundled;
        if (files == null) {
            files = java.util.Collections.unmodifiableMap(read());
            bundled = files;
        }
        return files;
    }

    private static Map<String, String> read() {
        URL folder = SkeletonSources.class.getClassLoader().getResource(RESOURCE_FOLDER);
        if (folder == null) {
            throw new IllegalStateException("The skeleton's sources (" + RESOURCE_FOLDER + ") are not in the grader; rebuild it");
        }
        Map<String, String> files = new java.util.TreeMap<>();
        try {
            if (JarUrl.isJar(folder)) {
                Path jar = JarUrl.jarOf(folder);
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (JarEntry entry : file.stream().sorted(java.util.Comparator.comparing(JarEntry::getName)).toList()) {
                        String name = entry.getName();
                        if (name.startsWith(RESOURCE_FOLDER + "/") && name.endsWith(".java")) {
                            try (InputStream in = file.getInputStream(entry)) {
                                files.put(name.substring(RESOURCE_FOLDER.length() + 1),
                                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
                            }
                        }
                    }
                }
            } else {
                Path base = Path.of(folder.toURI());
                try (Stream<Path> walk = Files.walk(base)) {
                    for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                        files.put(base.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the skeleton's sources", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where the skeleton's sources are: " + folder, e);
        }
        return files;
    }
}
