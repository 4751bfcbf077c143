package backproplab.grader.checks;

import backproplab.grader.checks.CheckResult;
import backproplab.grader.checks.StructureRules;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The grader's default {@link StructureRules}: imports the submission's class files with ArchUnit and checks
 * every {@link StudentCodeRules} rule, one {@link CheckResult} per rule, worth 0 points each.
 *
 * <p>A broken rule does not cost points by itself: the grade session does not run code that breaks a rule at
 * all, so such a submission scores 0 and the report says which rule, class, member and line (see
 * {@code GradingSession}). Registered in {@code META-INF/services/backproplab.grader.checks.StructureRules}.
 */
public final class ArchUnitStructureRules implements StructureRules {

    /** Task id of the structure checks in the report. */
    public static final String TASK = "structure";

    private static final String CHECK_NAME_PREFIX = "Structure rule: ";

    /** At most this many places are listed per broken rule; the rest are counted. */
    static final int MAX_PLACES = 12;

    private final StudentCodeRules rules;

    /** The course's rules (used by {@link java.util.ServiceLoader}). */
    public ArchUnitStructureRules() {
        this(new StudentCodeRules());
    }

    /** @param rules the rules to check */
    public ArchUnitStructureRules(StudentCodeRules rules) {
        this.rules = rules;
    }

    @Override
    public List<CheckResult> check(Path compiledClassesDir) {
        return check(importClasses(importer -> importer.importPath(compiledClassesDir)));
    }

    /**
     * Imports class files the way the rules expect: only the given classes, without following their references
     * into the class path. The rules judge references by the names of their targets, so the JDK and ND4J
     * classes need not be read, and not reading them keeps the check well under a second.
     *
     * @param importing what to import, for example {@code importer -> importer.importPath(dir)}
     */
    public static JavaClasses importClasses(Function<ClassFileImporter, JavaClasses> importing) {
        return ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return importing.apply(new ClassFileImporter());
        });
    }

    /**
     * Checks classes already imported (the grader's tests import fixture classes directly).
     *
     * @param classes the submission's classes
     * @return one result per rule, in the order of {@link StudentCodeRules#all()}
     */
    public List<CheckResult> check(JavaClasses classes) {
        List<CheckResult> results = new ArrayList<>();
        for (StructureRule rule : rules.all()) {
            EvaluationResult evaluation = rule.rule().evaluate(classes);
            String name = checkName(rule);
            results.add(evaluation.hasViolation()
                    ? CheckResult.fail(name, TASK, 0, message(rule, evaluation.getFailureReport().getDetails()))
                    : CheckResult.pass(name, TASK, 0));
        }
        return results;
    }

    /** The name of a rule's check in the report, for example {@code "Structure rule: no reflection"}. */
    public static String checkName(StructureRule rule) {
        return CHECK_NAME_PREFIX + rule.title();
    }

    /**
     * The rule's title back from the name of its check, for example {@code "no reflection"}.
     *
     * @param checkName the name of a structure check, as {@link #checkName} makes it or any other
     * @return the title, or {@code checkName} itself when it was not made by {@link #checkName}
     */
    public static String ruleTitle(String checkName) {
        return checkName.startsWith(CHECK_NAME_PREFIX) ? checkName.substring(CHECK_NAME_PREFIX.length()) : checkName;
    }

    /** What a student reads for a broken rule: the rule, where it is broken, and what to do instead. */
    static String message(StructureRule rule, List<String> places) {
        StringBuilder text = new StringBuilder();
        text.append("Your code breaks the structure rule \"").append(rule.title()).append("\" in ")
                .append(places.size()).append(places.size() == 1 ? " place" : " places").append(":\n");
        places.stream().limit(MAX_PLACES).forEach(place -> text.append("  - ").append(place).append('\n'));
        if (places.size() > MAX_PLACES) {
            text.append("  ... and ").append(places.size() - MAX_PLACES).append(" more.\n");
        }
        text.append("The rule: ").append(rule.sentence()).append(".\n");
        text.append("What to do: ").append(rule.advice());
        return text.toString();
    }
}
