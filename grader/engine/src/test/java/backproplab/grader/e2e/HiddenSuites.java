package backproplab.grader.e2e;

import backproplab.grader.intake.JarUrl;
import backproplab.scoring.Graded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/** The hidden suite classes on the grader's class path, and which of them test a given task. */
final class HiddenSuites {

    static final String PACKAGE = "backproplab.grader.suites";

    private HiddenSuites() {
    }

    /** The names of the suite classes (top-level classes ending in {@code HiddenTest}), sorted. */
    static List<String> all() {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> folders = HiddenSuites.class.getClassLoader().getResources(PACKAGE.replace('.', '/'));
            for (URL folder : Collections.list(folders)) {
                if ("file".equals(folder.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                        files.map(f -> f.getFileName().toString()).forEach(name -> addSuite(names, name));
                    }
                } else if (JarUrl.isJar(folder)) {
                    Path jar = JarUrl.jarOf(folder);
                    String prefix = PACKAGE.replace('.', '/') + "/";
                    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                        file.stream().map(java.util.jar.JarEntry::getName)
                                .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0)
                                .forEach(name -> addSuite(names, name.substring(prefix.length())));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No hidden suite (*HiddenTest) in a class folder of " + PACKAGE
                    + " on the test class path; build the grader/suites module first.");
        }
        return names.stream().distinct().sorted().toList();
    }

    private static void addSuite(List<String> names, String fileName) {
        if (fileName.endsWith("HiddenTest.class") && !fileName.contains("$")) {
            names.add(PACKAGE + "." + fileName.substring(0, fileName.length() - ".class".length()));
        }
    }

    /** The suite classes with at least one test graded under {@code task} (by {@code @Graded} on the class or a method). */
    static List<String> testing(String task) {
        return all().stream().filter(name -> tests(load(name), task)).toList();
    }

    private static boolean tests(Class<?> suite, String task) {
        Graded onClass = suite.getAnnotation(Graded.class);
        if (onClass != null && onClass.task().equals(task)) {
            return true;
        }
        for (Method method : suite.getDeclaredMethods()) {
            Graded graded = method.getAnnotation(Graded.class);
            if (graded != null && graded.task().equals(task)) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, HiddenSuites.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
