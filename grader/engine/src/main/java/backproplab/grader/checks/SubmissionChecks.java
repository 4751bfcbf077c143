package backproplab.grader.checks;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks on a compiled submission, in order: its packages ({@link PackagePolicy}), its API against the
 * skeleton ({@link ApiCheck}) and the structure rules ({@link StructureRules}). None of them runs student code. They
 * run where the submission was compiled: in the javac JVM when it is forked (C1 only, with its class-data archive,
 * which holds ArchUnit too: about a third of the CPU time they need in the grader's JVM), else in the grader's JVM.
 */
public final class SubmissionChecks {

    /**
     * What the checks found.
     *
     * @param refused         classes outside the exercise packages (then nothing else was checked)
     * @param api             the API check's results
     * @param structure       the structure rules' results
     * @param apiMillis       wall time of the API check
     * @param structureMillis wall time of the structure rules
     */
    public record Findings(List<String> refused, List<CheckResult> api, List<CheckResult> structure, long apiMillis,
                           long structureMillis) {

        /** Copies the lists. */
        public Findings {
            refused = List.copyOf(refused);
            api = List.copyOf(api);
            structure = List.copyOf(structure);
        }
    }

    private SubmissionChecks() {
    }

    /**
     * Checks a compiled submission.
     *
     * @param classesDir the submission's class files
     * @param skeleton   the API it must provide (and the packages it may use)
     * @param libraries  the libraries it was compiled against
     * @param rules      the structure rules, or {@code null} to leave them to the caller
     * @return the findings
     * @throws IOException if the class files cannot be read
     */
    public static Findings run(Path classesDir, SkeletonApi skeleton, List<Path> libraries, StructureRules rules)
            throws IOException {
        List<String> refused = new PackagePolicy(skeleton.packages()).violations(ClassFiles.binaryNames(classesDir));
        if (!refused.isEmpty()) {
            return new Findings(refused, List.of(), List.of(), 0, 0);
        }
        long start = System.nanoTime();
        List<CheckResult> api = checkApi(classesDir, skeleton, libraries);
        long apiDone = System.nanoTime();
        List<CheckResult> structure = rules == null ? List.of() : rules.check(classesDir);
        long structureDone = System.nanoTime();
        return new Findings(List.of(), api, structure, (apiDone - start) / 1_000_000L,
                (structureDone - apiDone) / 1_000_000L);
    }

    private static List<CheckResult> checkApi(Path classesDir, SkeletonApi skeleton, List<Path> libraries)
            throws IOException {
        List<URL> urls = new ArrayList<>();
        urls.add(classesDir.toUri().toURL());
        for (Path library : libraries) {
            urls.add(library.toUri().toURL());
        }
        // The platform loader as parent: the grader's own class path may hold the skeleton (in tests), and
        // it must not answer for the submission.
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            return new ApiCheck(skeleton).check(loader);
        }
    }
}
