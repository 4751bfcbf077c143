package backproplab.coderules;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Objects;

/**
 * One of the course's rules on compiled student code: an ArchUnit rule written as a sentence with its reason,
 * plus the short title and the advice a student reads when it is broken.
 *
 * @param id     a stable identifier, for example {@code "only-allowed-apis"}
 * @param title  the rule in a few words; reports name the check after it
 * @param advice what to do instead, in student words
 * @param rule   the ArchUnit rule (its description is the sentence, with {@code because ...})
 */
public record CodeRule(String id, String title, String advice, ArchRule rule) {

    /** Checks for nulls. */
    public CodeRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(rule, "rule");
    }

    /** The full sentence, for example "classes should not declare a finalize() method, because ...". */
    public String sentence() {
        return rule.getDescription();
    }
}
