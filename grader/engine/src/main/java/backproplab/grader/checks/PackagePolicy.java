package backproplab.grader.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which packages a submission may put classes in: {@code backproplab} and its sub-packages (the exercise
 * packages, and extras such as the reference's {@code backproplab.demos}), except the course's own
 * infrastructure ({@code backproplab.scoring}, {@code backproplab.runtime}, {@code backproplab.datasets},
 * {@code backproplab.coderules}, {@code backproplab.grader}). A class anywhere else ({@code java.*}, a library's
 * package, the unnamed package) or in the infrastructure would shadow code the grader relies on, so it is refused.
 *
 * <p>A nested class ({@code Outer$Inner}) is judged with its outer class. A name with '$' whose outer class is not
 * in the submission, such as a top-level class declared as {@code GradeCollector$Entry}, is judged on its own: it
 * could stand in for a nested class of the grader or of a library.
 */
public final class PackagePolicy {

    /** The root package of the course. */
    public static final String ROOT = "backproplab";

    /** Packages that belong to the course runtime and the grader; a submission must not add to them. */
    public static final List<String> RESERVED = List.of(
            "backproplab.scoring", "backproplab.runtime", "backproplab.datasets", "backproplab.coderules",
            "backproplab.grader");

    private final Set<String> exercisePackages;

    /** @param exercisePackages the packages of the skeleton's classes, named in the refusal message */
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
        Set<String> submitted = Set.copyOf(binaryNames);
        for (String name : binaryNames) {
            if (isNestedInSubmitted(name, submitted)) {
                continue;
            }
            String pkg = ClassFiles.packageOf(name);
            if (!allowed(pkg)) {
                messages.add("Class " + name + " is in package " + (pkg.isEmpty() ? "(the unnamed package)" : pkg)
                        + ", which is not an exercise package. Keep your classes in the exercise packages ("
                        + String.join(", ", exercisePackages.stream().sorted().toList())
                        + "); move or delete this one.");
            }
        }
        return messages;
    }

    /** Whether the class is nested in a class of the submission, which is judged (and named) instead. */
    private static boolean isNestedInSubmitted(String name, Set<String> submitted) {
        int dollar = name.indexOf('$', name.lastIndexOf('.') + 1);
        return dollar > 0 && submitted.contains(name.substring(0, dollar));
    }

    private static boolean allowed(String pkg) {
        if (!pkg.startsWith(ROOT + ".")) {
            return false;
        }
        return RESERVED.stream().noneMatch(reserved -> pkg.equals(reserved) || pkg.startsWith(reserved + "."));
    }
}
