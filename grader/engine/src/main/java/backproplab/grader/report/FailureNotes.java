package backproplab.grader.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reports pull out of a failure message to show beside it: the student's method the message names, and
 * the notes it points to. It reads only the conventions every suite's messages follow (the first line starts with
 * {@code Class.method — }, notes are cited as {@code docs/NN-name.md#section}); a message without them simply has
 * neither, and is shown as it is.
 *
 * @param method the method named at the start of the message, for example {@code NeuralNetwork.backward}
 * @param notes  the notes cited, in order of first mention, for example {@code docs/06-neural-network.md#backward}
 */
record FailureNotes(Optional<String> method, List<String> notes) {

    private static final Pattern METHOD = Pattern.compile(
            "^\\s*(\\p{Lu}[\\w$]*(?:\\.[\\w$]+)*(?:\\s*\\([^)\\n]{0,80}\\))?)\\s+[—–-]\\s");

    private static final Pattern NOTE = Pattern.compile("(?:exercises/)?(docs/\\d{2}-[\\w-]+\\.md(?:#[\\w-]+)?)");

    /** Copies the list. */
    FailureNotes {
        notes = List.copyOf(notes);
    }

    /**
     * Reads a message.
     *
     * @param message a test's message, possibly empty
     * @return the method and notes it names
     */
    static FailureNotes of(String message) {
        String firstLine = message.lines().findFirst().orElse("");
        Matcher method = METHOD.matcher(firstLine);
        Optional<String> named = method.find() && method.group(1).length() <= 100
                ? Optional.of(method.group(1).strip()) : Optional.empty();
        Set<String> notes = new LinkedHashSet<>();
        Matcher note = NOTE.matcher(message);
        while (note.find()) {
            notes.add(note.group(1));
        }
        return new FailureNotes(named, List.copyOf(notes));
    }

    /**
     * Where a student finds a note: its file in the student repository and, when cited, the section.
     *
     * @param note for example {@code docs/06-neural-network.md#backward}
     * @return for example {@code exercises/docs/06-neural-network.md, section "backward"}
     */
    static String where(String note) {
        return section(note).map(section -> file(note) + ", section \"" + section + "\"").orElse(file(note));
    }

    /**
     * The note's file in the student repository.
     *
     * @param note for example {@code docs/06-neural-network.md#backward}
     * @return for example {@code exercises/docs/06-neural-network.md}
     */
    static String file(String note) {
        int hash = note.indexOf('#');
        return "exercises/" + (hash < 0 ? note : note.substring(0, hash));
    }

    /**
     * The section of the note that is cited.
     *
     * @param note for example {@code docs/06-neural-network.md#backward}
     * @return for example {@code backward}; empty when the whole note is cited
     */
    static Optional<String> section(String note) {
        int hash = note.indexOf('#');
        return hash < 0 ? Optional.empty() : Optional.of(note.substring(hash + 1));
    }
}
