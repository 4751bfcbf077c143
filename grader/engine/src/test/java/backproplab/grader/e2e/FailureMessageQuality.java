package backproplab.grader.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What every failure message a student reads must have (DESIGN.md, "Feedback style"): the student method it is
 * about ({@code NeuralNetwork.backward}), expected versus actual, and a pointer to the notes ({@code docs/…md}).
 */
final class FailureMessageQuality {

    /** The rule in words, for assertion descriptions. */
    static final String RULE = "name the method, give expected vs actual, point to docs/NN-*.md";

    /** A method of one of the course's student classes, as the messages name them. */
    private static final Pattern METHOD = Pattern.compile("\\b(ChainRule|Activations|TinyNetwork|RelativeError|TinyGradientCheck"
            + "|TinyTrainer|Initializers|NeuralNetwork|NetworkGradientCheck|GradientFlow|Xavier|GradientClipping|Sgd|Momentum"
            + "|RmsProp|Adam)\\.[a-z]\\w*");
    private static final Pattern EXPECTED = Pattern.compile("\\bexpected\\b");
    private static final Pattern ACTUAL = Pattern.compile("\\b(got|but was|threw|returned|gave|says|reported|is now)\\b");
    private static final Pattern NOTES = Pattern.compile("docs/0\\d-[a-z-]+\\.md");

    private FailureMessageQuality() {
    }

    /**
     * The parts a failure message lacks.
     *
     * @param message what the student reads
     * @return for example {@code ["a pointer to the notes"]}; empty when the message explains itself
     */
    static List<String> missing(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        List<String> missing = new ArrayList<>();
        if (!METHOD.matcher(message).find()) {
            missing.add("the student method (Class.method)");
        }
        if (!EXPECTED.matcher(lower).find() || !ACTUAL.matcher(lower).find()) {
            missing.add("expected vs actual (\"expected …\" and \"got …\")");
        }
        if (!NOTES.matcher(message).find()) {
            missing.add("a pointer to the notes (docs/NN-….md)");
        }
        return missing;
    }
}
