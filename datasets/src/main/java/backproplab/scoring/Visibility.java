package backproplab.scoring;

import java.util.Locale;

/**
 * When a student may see a graded test and its result.
 *
 * <p>The constants follow Gradescope's visibility settings one to one, and {@link #spelling()} returns
 * Gradescope's spelling, so a report can pass the value straight through to {@code results.json}.
 * Platforms without a visibility concept (PrairieLearn, Exercism, GitHub Classroom) receive only the
 * tests a student may see now; see the reporters in the grader for the exact rule of each platform.
 *
 * @see Graded#visibility()
 */
public enum Visibility {

    /** Shown to the student as soon as the submission is graded. */
    VISIBLE,

    /** Never shown to the student; counts towards the score. */
    HIDDEN,

    /** Shown once the assignment's due date has passed. */
    AFTER_DUE_DATE,

    /** Shown once the instructor publishes the grades. */
    AFTER_PUBLISHED;

    /**
     * Gradescope's spelling of this visibility.
     *
     * @return {@code "visible"}, {@code "hidden"}, {@code "after_due_date"} or {@code "after_published"}
     */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a student sees this test in a report written right after grading, that is, before the due
     * date and before grades are published.
     *
     * @return {@code true} only for {@link #VISIBLE}
     */
    public boolean shownImmediately() {
        return this == VISIBLE;
    }

    /**
     * Reads Gradescope's spelling (case-insensitive; hyphens are accepted for underscores).
     *
     * @param spelling for example {@code "after_due_date"}
     * @return the matching constant
     * @throws IllegalArgumentException if {@code spelling} names no visibility; the message lists the valid ones
     */
    public static Visibility fromSpelling(String spelling) {
        String wanted = spelling == null ? "" : spelling.trim().replace('-', '_');
        for (Visibility visibility : values()) {
            if (visibility.spelling().equalsIgnoreCase(wanted)) {
                return visibility;
            }
        }
        throw new IllegalArgumentException("Unknown visibility '" + spelling
                + "': expected one of visible, hidden, after_due_date, after_published");
    }
}
