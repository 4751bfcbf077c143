package backproplab.grader.report;

import java.util.List;
import java.util.Optional;

/**
 * What the reports tell a student about a {@link Verdict}: a headline that says what happened and what to do
 * next, and the details under it (the compiler's messages, the API differences, the broken rules, the reasons a
 * submission could not be graded, the grader's error). A graded run with nothing to remark has none.
 *
 * @param headline the first sentence or two, ending with a colon before the details
 * @param details  the lines, items or blocks under the headline
 * @param layout   how the details are laid out
 */
record VerdictText(String headline, List<String> details, Layout layout) {

    /** How the details are laid out in text and HTML. */
    enum Layout {
        /** Verbatim lines, as the compiler wrote them (one {@code <pre>}). */
        LINES,
        /** One sentence per item, as a bulleted list. */
        ITEMS,
        /** Several lines per item, separated by blank lines (one {@code <pre>} each). */
        BLOCKS
    }

    /** Copies the list. */
    VerdictText {
        details = List.copyOf(details);
    }

    static final String COMPILE_HEADLINE = "Your code did not compile, so no test could run. The compiler said:";

    static final String API_HEADLINE =
            "Your classes do not match the exercise's public API (the tests need these exact signatures):";

    static final String API_MISMATCH_HEADLINE = "Your classes do not match the exercise's public API, and no hidden "
            + "test passed: the tests call your code through the skeleton's exact declarations. Make the declarations "
            + "listed below match the skeleton again (keep the code inside them) and submit again:";

    static final String INVALID_HEADLINE = "Your submission could not be graded as it is, so none of it was run. "
            + "Fix what is listed below and submit again:";

    static final String GRADER_FAILED_HEADLINE = "The grader failed; this is not your fault. Any score shown here is "
            + "not a grade of your work: please tell your instructor, who can grade your submission again once the "
            + "grader is fixed. What went wrong, for your instructor:";

    /**
     * The text of a verdict.
     *
     * @param verdict what the run came to
     * @return its headline and details; empty for a graded run whose API matches
     */
    static Optional<VerdictText> of(Verdict verdict) {
        return verdict.accept(new Verdict.Cases<>() {
            @Override
            public Optional<VerdictText> graded(Verdict.Graded graded) {
                return graded.apiDifferences().isEmpty() ? Optional.empty()
                        : Optional.of(new VerdictText(API_HEADLINE, graded.apiDifferences(), Layout.ITEMS));
            }

            @Override
            public Optional<VerdictText> apiMismatch(Verdict.ApiMismatch mismatch) {
                return Optional.of(new VerdictText(API_MISMATCH_HEADLINE, mismatch.differences(), Layout.ITEMS));
            }

            @Override
            public Optional<VerdictText> didNotCompile(Verdict.DidNotCompile failure) {
                return Optional.of(new VerdictText(COMPILE_HEADLINE, failure.compilerMessages(), Layout.LINES));
            }

            @Override
            public Optional<VerdictText> refused(Verdict.Refused refusal) {
                return Optional.of(new VerdictText(refusedHeadline(refusal.ruleNames()),
                        refusal.brokenRules().stream().map(Verdict.BrokenRule::message).toList(), Layout.BLOCKS));
            }

            @Override
            public Optional<VerdictText> invalidSubmission(Verdict.InvalidSubmission invalid) {
                return Optional.of(new VerdictText(INVALID_HEADLINE, invalid.reasons(), Layout.ITEMS));
            }

            @Override
            public Optional<VerdictText> graderFailed(Verdict.GraderFailed failure) {
                return Optional.of(new VerdictText(GRADER_FAILED_HEADLINE, List.of(failure.error()), Layout.LINES));
            }
        });
    }

    /** For example: it breaks the structure rule "no reflection", so none of it was run and the score is 0. */
    static String refusedHeadline(List<String> rules) {
        String what = rules.size() == 1 ? "the structure rule " + quoted(rules)
                : rules.size() + " structure rules, " + quoted(rules);
        return "Your submission was refused: it breaks " + what + ", so none of it was run and the score is 0. "
                + "Fix what is listed below and submit again:";
    }

    /** {@code "a"}, {@code "a" and "b"}, {@code "a", "b" and "c"}. */
    static String quoted(List<String> names) {
        List<String> quoted = names.stream().map(name -> "\"" + name + "\"").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    /**
     * The details as text, laid out: lines as they are, items as {@code "- item"}, blocks with a blank line
     * between them; no trailing white space.
     *
     * @return the details, without the headline
     */
    String body() {
        StringBuilder text = new StringBuilder();
        for (String detail : details) {
            String stripped = detail.stripTrailing();
            switch (layout) {
                case LINES -> text.append(stripped).append('\n');
                case ITEMS -> text.append("- ").append(stripped).append('\n');
                case BLOCKS -> text.append(text.length() == 0 ? "" : "\n").append(stripped).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }

    /**
     * The headline and the details under it, as one message.
     *
     * @return for example the compile headline, a newline and the compiler's messages
     */
    String message() {
        String body = body();
        return body.isEmpty() ? headline : headline + "\n" + body;
    }
}
