package backproplab.grader.child;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class files of one copy of the course (the reference, or a compiled submission), by class name, read once: a
 * jar or a class folder. Only classes of the course's packages ({@code backproplab.*} outside the grader) count.
 */
final class CourseClasses {

    private final Map<String, byte[]> bytesByName;

    private CourseClasses(Map<String, byte[]> bytesByName) {
        this.bytesByName = bytesByName;
    }

    /** Reads the course classes of a jar or a class folder; a path that is neither gives none. */
    static CourseClasses read(Path location) {
        Map<String, byte[]> classes = new TreeMap<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String name = location.relativize(file).toString().replace('\\', '/');
                        add(classes, name, Files.readAllBytes(file));
                    }
                }
            } else if (Files.isRegularFile(location)) {
                try (ZipFile zip = new ZipFile(location.toFile())) {
                    for (ZipEntry entry : zip.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            add(classes, entry.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the course classes in " + location, e);
        }
        return new CourseClasses(classes);
    }

    /** The course classes among files held in memory (resource path, such as {@code backproplab/x/Y.class}, to bytes). */
    static CourseClasses of(Map<String, byte[]> files) {
        Map<String, byte[]> classes = new TreeMap<>();
        files.forEach((resource, bytes) -> {
            if (resource.endsWith(".class")) {
                add(classes, resource, bytes);
            }
        });
        return new CourseClasses(classes);
    }

    private static void add(Map<String, byte[]> classes, String resource, byte[] bytes) {
        String name = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
        if (isCoursePackage(packageOf(name))) {
            classes.put(name, bytes);
        }
    }

    /** Whether a package is the course's: {@code backproplab.<exercise>...}, never the grader's or the runtime's. */
    static boolean isCoursePackage(String packageName) {
        return packageName.startsWith("backproplab.") && !packageName.startsWith("backproplab.grader.");
    }

    /** The package of a class name ({@code ""} for the default package). */
    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** The class file of a class, if this copy has it. */
    Optional<byte[]> bytes(String className) {
        return Optional.ofNullable(bytesByName.get(className));
    }

    /** The names of the classes, sorted. */
    Set<String> names() {
        return bytesByName.keySet();
    }

    /** The top-level classes of one package, sorted by name. */
    Set<String> topLevelClassesOf(String packageName) {
        Set<String> names = new TreeSet<>();
        for (String name : bytesByName.keySet()) {
            if (packageOf(name).equals(packageName) && !name.contains("$")) {
                names.add(name);
            }
        }
        return names;
    }

    /** The packages, sorted. */
    Set<String> packages() {
        Set<String> packages = new TreeSet<>();
        bytesByName.keySet().forEach(name -> packages.add(packageOf(name)));
        return packages;
    }
}
