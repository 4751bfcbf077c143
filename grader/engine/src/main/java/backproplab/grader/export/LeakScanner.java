package backproplab.grader.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks for what must never reach students: solution regions ({@code BEGIN SOLUTION} / {@code END SOLUTION}
 * markers), hidden suites ({@code *HiddenTest} sources or classes), grader code (anything under
 * {@code backproplab/grader/}) and the instructor-only modules ({@code solutions}, {@code grader}).
 *
 * <p>It reads folders and jars alike: a jar found in a folder is opened and its entries are checked by name
 * and, for text and class files, by content (a string constant in a class file is stored as plain UTF-8, so a
 * marker copied into code is found there too).
 */
public final class LeakScanner {

    /** The markers of a solution region, as the skeleton generator reads them. */
    public static final List<String> SOLUTION_MARKERS = List.of("BEGIN SOLUTION", "END SOLUTION");

    private static final Pattern HIDDEN_SUITE = Pattern.compile(".*HiddenTest(\\$[^/]*)?\\.(java|class)");
    private static final String GRADER_PACKAGE = "backproplab/grader/";
    private static final Set<String> INSTRUCTOR_MODULES = Set.of("solutions", "grader");
    private static final Set<String> ARCHIVES = Set.of("jar", "zip", "war");
    private static final Set<String> SCANNED_CONTENT = Set.of("java", "class", "kt", "md", "txt", "xml", "properties",
            "json", "yml", "yaml", "html", "csv", "sh", "cmd", "bat", "gradle", "");
    private static final long MAX_CONTENT_BYTES = 16L * 1024 * 1024;

    /**
     * Scans a folder, and every archive in it.
     *
     * @param root the folder, for example an exported student repository
     * @return the leaks found, in file order; empty when the folder is clean
     */
    public List<Leak> scanTree(Path root) {
        List<Leak> leaks = new ArrayList<>();
        for (String module : INSTRUCTOR_MODULES) {
            if (Files.isDirectory(root.resolve(module))) {
                leaks.add(new Leak(module + "/", "the instructor-only module '" + module + "' must not be exported"));
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = slashes(root.relativize(file).toString());
                if (relative.startsWith(".git/")) {
                    continue; // git's own object store: compressed, and what matters is the checked-out tree
                }
                leaks.addAll(checkName(relative));
                String extension = extension(relative);
                if (ARCHIVES.contains(extension)) {
                    leaks.addAll(scanJar(file, relative));
                } else if (SCANNED_CONTENT.contains(extension) && Files.size(file) <= MAX_CONTENT_BYTES) {
                    leaks.addAll(checkContent(relative, Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot scan " + root, e);
        }
        return leaks;
    }

    /**
     * Scans one jar (or zip): entry names, and the content of its text and class entries.
     *
     * @param jar the archive
     * @return the leaks found; empty when the jar is clean
     */
    public List<Leak> scanJar(Path jar) {
        return scanJar(jar, jar.toString());
    }

    private List<Leak> scanJar(Path jar, String label) {
        List<Leak> leaks = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String where = label + "!" + entry.getName();
                for (Leak leak : checkName(entry.getName())) {
                    leaks.add(new Leak(where, leak.what()));
                }
                if (SCANNED_CONTENT.contains(extension(entry.getName())) && entry.getSize() <= MAX_CONTENT_BYTES) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        for (Leak leak : checkContent(entry.getName(), in.readNBytes((int) MAX_CONTENT_BYTES))) {
                            leaks.add(new Leak(where, leak.what()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            leaks.add(new Leak(label, "cannot be read as a jar, so it cannot be shown to be clean: " + e.getMessage()));
        }
        return leaks;
    }

    private static List<Leak> checkName(String path) {
        List<Leak> leaks = new ArrayList<>();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (path.contains(GRADER_PACKAGE)) {
            leaks.add(new Leak(path, "grader code (package backproplab.grader) must stay with the instructor"));
        }
        if (HIDDEN_SUITE.matcher(name).matches()) {
            leaks.add(new Leak(path, "a hidden suite (*HiddenTest) must stay in the grader"));
        }
        return leaks;
    }

    private static List<Leak> checkContent(String path, byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        List<Leak> leaks = new ArrayList<>();
        for (String marker : SOLUTION_MARKERS) {
            int at = text.indexOf(marker);
            if (at >= 0) {
                leaks.add(new Leak(path, "contains a solution region marker '" + marker + "'"
                        + (path.endsWith(".class") ? "" : " on line " + lineOf(text, at))
                        + ": the reference leaked; export the generated skeleton instead"));
                break;
            }
        }
        return leaks;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
