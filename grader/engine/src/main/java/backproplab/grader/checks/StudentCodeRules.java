package backproplab.grader.checks;

import backproplab.coderules.CodeRule;
import backproplab.coderules.CodeRules;
import java.util.List;

/**
 * The structure rules every submission must keep: the course's {@link CodeRules} (an allowlist of the Java,
 * ND4J and course APIs student code may use, no finalizers, no '$' in class names), as the engine's
 * {@link StructureRule}s.
 *
 * <p>The rules live in the course runtime ({@code backproplab.coderules}) so that the student repository's
 * visible test runs exactly these rules on the student's classes. They apply to every class of the submission;
 * the given demos ({@code backproplab.demos}, a {@code main} the student runs, never the grader) may also write
 * files, draw pictures and read the clock, and no other class may use them.
 */
public final class StudentCodeRules {

    /** The package of the given demo code. */
    public static final String DEMOS_PACKAGE = CodeRules.GIVEN_CODE_PACKAGE;

    private final List<StructureRule> rules;

    /** The course's rules: {@link #DEMOS_PACKAGE} is the given code. */
    public StudentCodeRules() {
        this(DEMOS_PACKAGE);
    }

    /**
     * The course's rules with another package of given code (the grader's own tests check fixture classes that
     * live inside {@code backproplab.grader}).
     *
     * @param givenCodePackage the package (and its sub-packages) of given code
     */
    public StudentCodeRules(String givenCodePackage) {
        this.rules = new CodeRules(givenCodePackage).all().stream().map(StudentCodeRules::structureRule).toList();
    }

    /** Every rule, in the order the report lists them. */
    public List<StructureRule> all() {
        return rules;
    }

    /** The rule with this id. */
    public StructureRule byId(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No structure rule '" + id + "'; ids are "
                        + rules.stream().map(StructureRule::id).toList()));
    }

    private static StructureRule structureRule(CodeRule rule) {
        return new StructureRule(rule.id(), rule.title(), rule.advice(), rule.rule());
    }
}
