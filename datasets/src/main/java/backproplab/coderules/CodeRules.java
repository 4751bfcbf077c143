package backproplab.coderules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Objects;

/**
 * The rules student code must keep before any of it runs, as ArchUnit sentences with {@code because}: the
 * same for the grader (which refuses to run code that breaks one) and for the visible test in the student
 * repository (which shows the student the same refusal at {@code mvn test}).
 *
 * <ol>
 *   <li>{@code only-allowed-apis}: every use of another class is on {@link CourseAllowlist}. An allowlist,
 *       because any API that runs code indirectly (logging handlers, XSLT, service loaders, method handles,
 *       java.beans, JMX, ...) walks around a list of what is forbidden.</li>
 *   <li>{@code no-finalizers}: no {@code finalize()}; the JVM runs finalizers later, in a thread of its own.</li>
 *   <li>{@code plain-class-names}: no '$' in declared class names, which javac reserves for generated ones.</li>
 * </ol>
 * The rules read class files, so they catch an API however the source spells it; they do not follow calls into
 * libraries.
 */
public final class CodeRules {

    /** The package of the given demo code, which may also write files and draw pictures. */
    public static final String GIVEN_CODE_PACKAGE = "backproplab.demos";

    private final String givenCodePackage;
    private final List<CodeRule> rules;

    /** The course's rules, with {@link #GIVEN_CODE_PACKAGE} as the given code. */
    public CodeRules() {
        this(GIVEN_CODE_PACKAGE);
    }

    /**
     * The course's rules with another package of given code (the grader's tests use fixture packages).
     *
     * @param givenCodePackage the package (and its sub-packages) of given code
     */
    public CodeRules(String givenCodePackage) {
        this.givenCodePackage = Objects.requireNonNull(givenCodePackage, "givenCodePackage");
        this.rules = List.of(onlyAllowedApis(), noFinalizers(), plainClassNames());
    }

    /** Every rule, in the order reports list them. */
    public List<CodeRule> all() {
        return rules;
    }

    /** The rule with this id. */
    public CodeRule byId(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No code rule '" + id + "'; ids are "
                        + rules.stream().map(CodeRule::id).toList()));
    }

    private CodeRule onlyAllowedApis() {
        ArchRule rule = classes()
                .should(new AllowedApisCondition(CourseAllowlist.gradedCode(), CourseAllowlist.givenCode(), givenCodePackage))
                .because("the grader runs your code beside its hidden tests: files, the network, threads, reflection, "
                        + "logging, XML, service loaders, System.exit or ND4J's ready-made gradients could read the "
                        + "tests, run code no one can see or escape the time limit, and the exercises need none of them")
                .allowEmptyShould(true);
        return new CodeRule("only-allowed-apis", "only the allowed Java, ND4J and course APIs",
                "Each place above says what to use instead. What your code may use is listed in exercises/docs/README.md "
                        + "(\"What your code may use\").",
                rule);
    }

    private static CodeRule noFinalizers() {
        ArchRule rule = classes().should(new NoFinalizersCondition())
                .because("the JVM runs a finalizer later, in a thread of its own, outside the test and its time limit")
                .allowEmptyShould(true);
        return new CodeRule("no-finalizers", "no finalize() methods",
                "Delete the finalize() method; clean up in the method that needs it (try/finally).", rule);
    }

    private static CodeRule plainClassNames() {
        ArchRule rule = classes().should(new PlainNamesCondition())
                .because("javac uses '$' in the names of nested, anonymous and generated classes, and a class named "
                        + "like one could stand in for a class of the grader or of a library")
                .allowEmptyShould(true);
        return new CodeRule("plain-class-names", "no '$' in class names",
                "Rename the class without '$' (for example LayerCache instead of Layer$Cache); to put it inside "
                        + "another class, declare it there as a nested class.",
                rule);
    }
}
