package backproplab.grader.checks;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Objects;

/**
 * One structure rule on a student's compiled classes: an ArchUnit rule written as a sentence with its reason,
 * plus the short title and the advice a student reads when it is broken.
 *
 * @param id     a stable identifier, for example {@code "no-reflection"}; used in test ids and by instructors
 * @param title  the rule in a few words, for example {@code "no reflection"}; the report names the check after it
 * @param advice what to do instead, in student words
 * @param rule   the ArchUnit rule (its description is the sentence, with {@code because ...})
 */
public record StructureRule(String id, String title, String advice, ArchRule rule) {

    /** Checks for nulls. */
    public StructureRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(rule, "rule");
    }

    /** The full sentence, for example "no classes should call method System.exit(int) ..., because ...". */
    public String sentence() {
        return rule.getDescription();
    }
}
