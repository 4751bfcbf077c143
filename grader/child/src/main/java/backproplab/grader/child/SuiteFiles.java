package backproplab.grader.child;

import backproplab.grader.protocol.HiddenFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The hidden files of this test JVM ({@link HiddenFiles}), held in memory: the suites' class files and resources, the
 * reference's class files and the instructor's thresholds. Nothing of it is on the class path or on disk.
 */
final class SuiteFiles {

    /** No hidden files: suites and reference come from the class path (a build that runs the suites directly). */
    static final SuiteFiles NONE = new SuiteFiles(Map.of(), Map.of(), null);

    private final Map<String, byte[]> suites;
    private final Map<String, byte[]> reference;
    private final String thresholdsOverride;

    private SuiteFiles(Map<String, byte[]> suites, Map<String, byte[]> reference, String thresholdsOverride) {
        this.suites = suites;
        this.reference = reference;
        this.thresholdsOverride = thresholdsOverride;
    }

    /**
     * Reads the archive the parent sent.
     *
     * @throws IOException if it is not a zip archive
     */
    static SuiteFiles read(byte[] archive) throws IOException {
        Map<String, byte[]> suites = new TreeMap<>();
        Map<String, byte[]> reference = new TreeMap<>();
        String thresholds = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes = zip.readAllBytes();
                if (name.startsWith(HiddenFiles.SUITES)) {
                    suites.put(name.substring(HiddenFiles.SUITES.length()), bytes);
                } else if (name.startsWith(HiddenFiles.REFERENCE)) {
                    reference.put(name.substring(HiddenFiles.REFERENCE.length()), bytes);
                } else if (name.equals(HiddenFiles.THRESHOLDS_OVERRIDE)) {
                    thresholds = new String(bytes, StandardCharsets.UTF_8);
                }
            }
        }
        return new SuiteFiles(suites, reference, thresholds);
    }

    /** The class file of a suite class, if the hidden suites have it. */
    Optional<byte[]> suiteClass(String className) {
        return Optional.ofNullable(suites.get(className.replace('.', '/') + ".class"));
    }

    /**
     * A resource of the hidden suites that is not a class file (the default thresholds), or the instructor's thresholds
     * under {@link HiddenFiles#THRESHOLDS_OVERRIDE_RESOURCE}.
     */
    Optional<byte[]> suiteResource(String resource) {
        if (resource.equals(HiddenFiles.THRESHOLDS_OVERRIDE_RESOURCE)) {
            return Optional.ofNullable(thresholdsOverride).map(text -> text.getBytes(StandardCharsets.UTF_8));
        }
        return resource.endsWith(".class") ? Optional.empty() : Optional.ofNullable(suites.get(resource));
    }

    /** Whether a resource name is one of the hidden files (a suite's class file or resource, or the thresholds). */
    boolean isHidden(String resource) {
        return suites.containsKey(resource) || resource.equals(HiddenFiles.THRESHOLDS_OVERRIDE_RESOURCE);
    }

    /** The top-level classes named {@code …HiddenTest} of a package of the hidden suites, sorted. */
    Set<String> suitesIn(String packageName) {
        String prefix = packageName.replace('.', '/') + "/";
        Set<String> names = new TreeSet<>();
        for (String resource : suites.keySet()) {
            if (resource.startsWith(prefix) && resource.indexOf('/', prefix.length()) < 0) {
                SuitePackages.add(names, packageName, resource.substring(prefix.length()));
            }
        }
        return names;
    }

    /** The reference's course classes, or empty when the parent sent none. */
    CourseClasses reference() {
        return CourseClasses.of(reference);
    }

    /** Whether the parent sent the reference (exercise isolation is possible). */
    boolean hasReference() {
        return !reference.isEmpty();
    }

    /** Whether the parent sent anything. */
    boolean isEmpty() {
        return suites.isEmpty() && reference.isEmpty() && thresholdsOverride == null;
    }
}
