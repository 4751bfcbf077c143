package backproplab.grader.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which packages a submission may put classes in: the exercise packages of the skeleton and their
 * sub-packages. Anything else (the course runtime {@code backproplab.scoring}, the grader, {@code java.*},
 * a library's package, the unnamed package) would shadow code the grader relies on, so it is refused.
 */
public final class PackagePolicy {

    private final Set<String> exercisePackages;

    /** @param exercisePackages the packages of the skeleton's classes */
    public PackagePolicy(Set<String> exercisePackages) {
        this.exercisePackages = Set.copyOf(exercisePackages);
    }

    /**
     * The classes that are not allowed, each with the reason.
     *
     * @param binaryNames the submission's compiled classes
     * @return one message per refused top-level class; empty when all are allowed
     */
    public List<String> violations(List<String> binaryNames) {
        List<String> messages = new ArrayList<>();
        for (String name : binaryNames) {
            if (name.contains("$")) {
                continue;
            }
            String pkg = ClassFiles.packageOf(name);
            if (!allowed(pkg)) {
                messages.add("Class " + name + " is in package " + (pkg.isEmpty() ? "(the unnamed package)" : pkg)
                        + ", which is not an exercise package. Only classes in " + String.join(", ", sorted())
                        + " (or their sub-packages) are graded; move or delete it.");
            }
        }
        return messages;
    }

    private boolean allowed(String pkg) {
        for (String exercise : exercisePackages) {
            if (pkg.equals(exercise) || pkg.startsWith(exercise + ".")) {
                return true;
            }
        }
        return false;
    }

    private List<String> sorted() {
        return exercisePackages.stream().sorted().toList();
    }
}
