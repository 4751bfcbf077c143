package backproplab.grader.child;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The hidden suites of a package: its top-level classes named {@code …HiddenTest}, in every class path entry. */
final class SuitePackages {

    private SuitePackages() {
    }

    /**
     * @param loader      the loader whose class path to search
     * @param packageName a package, for example {@code backproplab.grader.suites}
     * @return the suite class names, sorted
     */
    static Set<String> suitesIn(ClassLoader loader, String packageName) {
        String folder = packageName.replace('.', '/');
        Set<String> names = new TreeSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.forEach(file -> add(names, packageName, file.getFileName().toString()));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    String text = url.toString();
                    Path jar = Path.of(new java.net.URI(text.substring(4, text.indexOf("!/"))));
                    try (JarFile file = new JarFile(jar.toFile())) {
                        String prefix = folder + "/";
                        file.stream().map(JarEntry::getName)
                                .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                                .forEach(name -> add(names, packageName, name.substring(prefix.length())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the suites of " + packageName, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the suites of " + packageName, e);
        }
        return names;
    }

    /** Adds the suite a file of the package's folder holds, if it is a top-level {@code …HiddenTest} class file. */
    static void add(Set<String> names, String packageName, String fileName) {
        if (fileName.matches("[^$]*HiddenTest\\.class")) {
            names.add(packageName + "." + fileName.substring(0, fileName.length() - ".class".length()));
        }
    }
}
