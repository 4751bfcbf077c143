package backproplab.grader.checks;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Static checks on the compiled submission before any of it runs (for example ArchUnit rules: no
 * reflection, no I/O, no threads, no {@code System.exit}).
 *
 * <p>Implementations are found with {@link ServiceLoader}: list the class in
 * {@code META-INF/services/backproplab.grader.checks.StructureRules}. With none registered,
 * {@link #load()} returns a no-op that reports nothing.
 */
public interface StructureRules {

    /**
     * Checks the compiled classes of a submission.
     *
     * @param compiledClassesDir the folder of the submission's class files (packages as folders)
     * @return one result per rule (passed or failed, with its points); empty if there is nothing to report
     */
    List<CheckResult> check(Path compiledClassesDir);

    /** The registered rules, all of them in turn; a no-op when none are registered. */
    static StructureRules load() {
        return new Registered();
    }

    /**
     * The rules registered with {@link ServiceLoader}: another JVM with the grader's class path (the javac JVM)
     * loads the same ones, so they can be checked there.
     */
    final class Registered implements StructureRules {

        private List<StructureRules> all;

        @Override
        public List<CheckResult> check(Path compiledClassesDir) {
            // Loaded at the first check, so a JVM that leaves the checks to the javac JVM never loads ArchUnit.
            synchronized (this) {
                if (all == null) {
                    all = ServiceLoader.load(StructureRules.class, StructureRules.class.getClassLoader()).stream()
                            .map(ServiceLoader.Provider::get).toList();
                }
            }
            return all.stream().flatMap(rules -> rules.check(compiledClassesDir).stream()).toList();
        }
    }
}
