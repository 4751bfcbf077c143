package backproplab.grader.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Lists the binary class names stored in a directory of class files or in a jar. */
public final class ClassFiles {

    private ClassFiles() {
    }

    /**
     * The classes under a classes directory or inside a jar, sorted, {@code module-info} and
     * {@code package-info} left out.
     *
     * @param location a directory or a jar file
     * @return binary names such as {@code backproplab.network.NeuralNetwork$Cache}
     */
    public static List<String> binaryNames(Path location) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.filter(f -> f.toString().endsWith(".class")).forEach(f ->
                            addName(names, location.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/")));
                }
            } else {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    Enumeration<? extends ZipEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry entry = entries.nextElement();
                        if (!entry.isDirectory() && entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                            addName(names, entry.getName());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the classes in " + location, e);
        }
        names.sort(null);
        return names;
    }

    private static void addName(List<String> names, String relativePath) {
        String name = relativePath.substring(0, relativePath.length() - ".class".length()).replace('/', '.');
        if (!name.equals("module-info") && !name.endsWith(".package-info")) {
            names.add(name);
        }
    }

    /** The package of a binary class name, {@code ""} for the unnamed package. */
    public static String packageOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return dot < 0 ? "" : binaryName.substring(0, dot);
    }
}
