package backproplab.grader.compile;

import java.nio.file.Path;
import java.util.List;

/**
 * What the compiler made of a submission.
 *
 * @param success    whether every file compiled
 * @param classesDir where the class files were written
 * @param errors     the compiler's error messages, each {@code path:line: error: message} with the source line
 *                   and a caret, paths relative to the submission; empty on success
 * @param warnings   how many warnings the compiler gave (they are not shown)
 */
public record CompileResult(boolean success, Path classesDir, List<String> errors, int warnings) {

    /** Copies the error list. */
    public CompileResult {
        errors = List.copyOf(errors);
    }

    /** The errors as one text, as shown to the student. */
    public String errorText() {
        return String.join("\n", errors);
    }
}
