package backproplab.coderules;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a folder of compiled classes against {@link CodeRules} and says, for each broken rule, where and what to
 * do: what the visible test in the student repository reports at {@code mvn test}.
 */
public final class CodeCheck {

    private CodeCheck() {
    }

    /**
     * Imports class files the way the rules expect: only the classes in the folder, without following their
     * references into the class path (the rules judge references by the names of their targets).
     *
     * @param classesFolder a folder of class files, packages as sub-folders
     */
    public static JavaClasses importFolder(Path classesFolder) {
        return ArchConfiguration.withThreadLocalScope(configuration -> {
            configuration.setResolveMissingDependenciesFromClassPath(false);
            return new ClassFileImporter().importPath(classesFolder);
        });
    }

    /**
     * What the classes in a folder break.
     *
     * @param classesFolder compiled classes, for example {@code exercises/target/classes}
     * @return one paragraph per broken rule; empty when every rule is kept
     */
    public static List<String> problems(Path classesFolder) {
        JavaClasses classes = importFolder(classesFolder);
        List<String> problems = new ArrayList<>();
        for (CodeRule rule : new CodeRules().all()) {
            EvaluationResult result = rule.rule().evaluate(classes);
            if (result.hasViolation()) {
                problems.add(describe(rule, result.getFailureReport().getDetails()));
            }
        }
        return problems;
    }

    private static String describe(CodeRule rule, List<String> places) {
        StringBuilder text = new StringBuilder();
        text.append("The rule \"").append(rule.title()).append("\" is broken in ").append(places.size())
                .append(places.size() == 1 ? " place" : " places").append(":\n");
        places.forEach(place -> text.append("  - ").append(place).append('\n'));
        text.append("The rule: ").append(rule.sentence()).append(".\n");
        text.append("What to do: ").append(rule.advice());
        return text.toString();
    }
}
