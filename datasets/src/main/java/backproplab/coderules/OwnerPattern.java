package backproplab.coderules;

import java.util.Objects;

/**
 * Which classes an {@link AllowlistEntry} is about, written the way ArchUnit names packages:
 * <ul>
 *   <li>{@code java.lang.Math}: that class and the classes nested in it ({@code java.lang.Math$...});</li>
 *   <li>{@code java.util.*}: the classes of package {@code java.util}, not of its sub-packages;</li>
 *   <li>{@code java.util.logging..}: package {@code java.util.logging} and all its sub-packages;</li>
 *   <li>{@code *}: every class.</li>
 * </ul>
 * Class names are binary names, as in the class files: {@code java.util.Map$Entry}.
 *
 * @param text the pattern as written in the table
 */
public record OwnerPattern(String text) {

    private static final String TREE = "..";
    private static final String PACKAGE = ".*";
    private static final String ANY = "*";

    /** Checks that the pattern has one of the four forms. */
    public OwnerPattern {
        Objects.requireNonNull(text, "text");
        String name = text.endsWith(TREE) ? text.substring(0, text.length() - TREE.length())
                : text.endsWith(PACKAGE) ? text.substring(0, text.length() - PACKAGE.length()) : text;
        if (!text.equals(ANY) && !name.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new IllegalArgumentException("Not a class, package or package tree pattern: '" + text + "'");
        }
    }

    /** Whether the class with this binary name is one the pattern is about. */
    public boolean matches(String className) {
        if (text.equals(ANY)) {
            return true;
        }
        if (text.endsWith(TREE)) {
            String pkg = text.substring(0, text.length() - TREE.length());
            return packageOf(className).equals(pkg) || packageOf(className).startsWith(pkg + ".");
        }
        if (text.endsWith(PACKAGE)) {
            return packageOf(className).equals(text.substring(0, text.length() - PACKAGE.length()));
        }
        return className.equals(text) || className.startsWith(text + "$");
    }

    /** Whether the pattern names exactly this one class (not a package, not a nested class of it). */
    public boolean namesExactly(String className) {
        return text.equals(className);
    }

    /**
     * How narrow the pattern is: a class beats a package, a package beats a package tree, a longer tree beats
     * a shorter one, and every pattern beats {@code *}.
     */
    public int specificity() {
        if (text.equals(ANY)) {
            return 0;
        }
        if (text.endsWith(TREE)) {
            return text.length();
        }
        return text.endsWith(PACKAGE) ? 1_000 + text.length() : 2_000 + text.length();
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    @Override
    public String toString() {
        return text;
    }
}
