package backproplab.scoring;

import java.util.function.Predicate;

/**
 * What {@link JUnitEventForwarder} needs to explain a failed test to a student: which classes are the student's code
 * in that test (to name the method an exception came from), and which of the student's methods ran in it.
 *
 * <p>In the students' own tests ({@link #EVERY_COURSE_CLASS}) every course class is theirs and nothing more is said;
 * the grader's exercise isolation, which runs a hidden suite on the student's code of one exercise with the course's
 * reference beneath it, says more.
 */
@FunctionalInterface
public interface FailureContext {

    /** Every course class is the student's ({@link FailureMessages#isStudentCode(String)}); no line about what ran. */
    FailureContext EVERY_COURSE_CLASS = testKey -> FailureMessages::isStudentCode;

    /**
     * Which binary class names are the student's code in a test.
     *
     * @param testKey the test's stable key ({@link TestKeys}), {@code <class>#<method>...}
     * @return the predicate
     */
    Predicate<String> studentClasses(String testKey);

    /**
     * A line for the end of a failed test's message saying which of the student's code ran, or {@code ""}.
     *
     * @param testKey the test's stable key
     * @param failure what the test (or its class) threw, or {@code null} when nothing was thrown
     * @return the line, without a line end; {@code ""} by default
     */
    default String codeThatRan(String testKey, Throwable failure) {
        return "";
    }
}
