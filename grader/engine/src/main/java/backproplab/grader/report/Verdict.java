package backproplab.grader.report;

import java.util.List;
import java.util.Objects;

/**
 * What a grading run came to: one of six kinds, each carrying what the reports need to explain it.
 *
 * <p>Java 17 has no exhaustive switch over types, so reporters tell the kinds apart with {@link #accept(Cases)}
 * rather than {@code instanceof} chains: a new kind then fails to compile until every reporter says what it makes
 * of it.
 *
 * <p>It lives beside the reporters, its readers, so that the engine, which builds it, depends on the report
 * package and not the other way round.
 */
public sealed interface Verdict permits Verdict.Graded, Verdict.ApiMismatch, Verdict.DidNotCompile, Verdict.Refused,
        Verdict.InvalidSubmission, Verdict.GraderFailed {

    /**
     * Calls the method of {@code cases} for this kind.
     *
     * @param cases one method per kind
     * @param <T>   what the cases return
     * @return what the called method returned
     */
    <T> T accept(Cases<T> cases);

    /**
     * A stable code for machines ({@code timings.json}, the console's status line), for example
     * {@code COMPILE_ERROR}.
     *
     * @return the code of this kind
     */
    String status();

    /**
     * One method per kind of {@link Verdict}; each gets the verdict with its fields.
     *
     * @param <T> what the methods return
     */
    interface Cases<T> {

        T graded(Graded graded);

        T apiMismatch(ApiMismatch mismatch);

        T didNotCompile(DidNotCompile failure);

        T refused(Refused refusal);

        T invalidSubmission(InvalidSubmission invalid);

        T graderFailed(GraderFailed failure);
    }

    /**
     * A run without remarks: the suites ran and the API matches.
     *
     * @return a {@link Graded} verdict without API differences
     */
    static Graded graded() {
        return new Graded(List.of());
    }

    /**
     * The verdict of a run whose suites ran: {@link ApiMismatch} when the API differs from the skeleton and not
     * one graded hidden test passed (then the differences are taken to be why), else {@link Graded}.
     *
     * @param apiDifferences      what the API check found, one sentence each; empty when the API matches
     * @param anyHiddenTestPassed whether at least one graded test of the hidden suites passed
     * @return the verdict
     */
    static Verdict afterSuites(List<String> apiDifferences, boolean anyHiddenTestPassed) {
        return apiDifferences.isEmpty() || anyHiddenTestPassed ? new Graded(apiDifferences)
                : new ApiMismatch(apiDifferences);
    }

    /**
     * The suites ran; every failure, crash and timeout is in the report. API differences, if any, are listed,
     * but they are not the headline: some hidden tests passed in spite of them.
     *
     * @param apiDifferences differences from the skeleton's API, one sentence each naming the member; usually empty
     */
    record Graded(List<String> apiDifferences) implements Verdict {

        /** Copies the list. */
        public Graded {
            apiDifferences = List.copyOf(apiDifferences);
        }

        @Override
        public <T> T accept(Cases<T> cases) {
            return cases.graded(this);
        }

        @Override
        public String status() {
            return "GRADED";
        }
    }

    /**
     * The classes do not match the skeleton's API and not one graded hidden test passed. The suites did run and
     * the report scores them as usual; the reports lead with the differences, and PrairieLearn does not count
     * the attempt.
     *
     * @param differences what differs, one sentence each naming the member and the expected declaration; not empty
     */
    record ApiMismatch(List<String> differences) implements Verdict {

        /** Copies the list, which must not be empty. */
        public ApiMismatch {
            differences = nonEmpty(differences, "differences");
        }

        @Override
        public <T> T accept(Cases<T> cases) {
            return cases.apiMismatch(this);
        }

        @Override
        public String status() {
            return "API_MISMATCH";
        }
    }

    /**
     * The code did not compile, so nothing ran.
     *
     * @param compilerMessages the compiler's output, one line per entry ({@code path:line: error: message} and the
     *                         source lines it quotes)
     */
    record DidNotCompile(List<String> compilerMessages) implements Verdict {

        /** Copies the list. */
        public DidNotCompile {
            compilerMessages = List.copyOf(compilerMessages);
        }

        @Override
        public <T> T accept(Cases<T> cases) {
            return cases.didNotCompile(this);
        }

        @Override
        public String status() {
            return "COMPILE_ERROR";
        }
    }

    /**
     * The code compiled but breaks structure rules (reflection, I/O, threads, {@code System.exit}, …), so none of
     * it was run and it scores 0.
     *
     * @param brokenRules the rules it breaks, in the order of the report; not empty
     */
    record Refused(List<BrokenRule> brokenRules) implements Verdict {

        /** Copies the list, which must not be empty. */
        public Refused {
            brokenRules = nonEmpty(brokenRules, "brokenRules");
        }

        /**
         * The names of the broken rules.
         *
         * @return for example {@code ["only the allowed Java, ND4J and course APIs"]}
         */
        public List<String> ruleNames() {
            return brokenRules.stream().map(BrokenRule::rule).toList();
        }

        @Override
        public <T> T accept(Cases<T> cases) {
            return cases.refused(this);
        }

        @Override
        public String status() {
            return "REFUSED";
        }
    }

    /**
     * One structure rule a submission breaks.
     *
     * @param rule    the rule's name in a few words, for example {@code "no reflection"}
     * @param message where it is broken and what to do instead, in student words
     */
    record BrokenRule(String rule, String message) {

        /** Checks for nulls. */
        public BrokenRule {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The submission could not be taken as sources to grade: nothing to compile, an unreadable or oversized zip,
     * or classes outside the exercise packages. Nothing was compiled or run.
     *
     * @param reasons what is wrong and what to do, one sentence each; not empty
     */
    record InvalidSubmission(List<String> reasons) implements Verdict {

        /** Copies the list, which must not be empty. */
        public InvalidSubmission {
            reasons = nonEmpty(reasons, "reasons");
        }

        @Override
        public <T> T accept(Cases<T> cases) {
            return cases.invalidSubmission(this);
        }

        @Override
        public String status() {
            return "INVALID_SUBMISSION";
        }
    }

    /**
     * The grader itself failed; whatever the report holds is not a grade of the student's work.
     *
     * @param error what went wrong, for the instructor, for example an exception's {@code toString()}
     */
    record GraderFailed(String error) implements Verdict {

        /** Checks for null. */
        public GraderFailed {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public <T> T accept(Cases<T> cases) {
            return cases.graderFailed(this);
        }

        @Override
        public String status() {
            return "GRADER_ERROR";
        }
    }

    private static <E> List<E> nonEmpty(List<E> list, String name) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return List.copyOf(list);
    }
}
