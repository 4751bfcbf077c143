package backproplab.grader.export;

/**
 * Something the student repository must never contain, found by {@link LeakScanner}.
 *
 * @param where the file, or {@code jar!entry}, that holds it
 * @param what  what was found, in words an instructor can act on
 */
public record Leak(String where, String what) {

    @Override
    public String toString() {
        return where + ": " + what;
    }
}
