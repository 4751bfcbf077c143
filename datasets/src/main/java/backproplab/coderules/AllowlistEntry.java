package backproplab.coderules;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the allowlist: classes (and optionally some of their members) that code may use, or that it may
 * not use, with the reason a student reads.
 *
 * <p>Written as {@code owner} or {@code owner#member,member}: {@code java.util.*}, {@code java.lang.Math},
 * {@code java.lang.System#exit}, {@code org.nd4j.linalg.factory.Nd4j#read*,write*}. The owner is an
 * {@link OwnerPattern}; members are names of methods, fields or constructors ({@code <init>}), where {@code *}
 * stands for any characters. A row without members is about the whole class, package or tree.
 *
 * @param allows  whether the row allows (true) or refuses (false) what it matches
 * @param owner   the classes the row is about
 * @param members the member names or patterns; empty for the whole classes
 * @param hint    for a refusal, what to do instead, in student words; {@code ""} for an allowing row
 */
public record AllowlistEntry(boolean allows, OwnerPattern owner, List<String> members, String hint) {

    private static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9_$*]+|<init>|<clinit>");

    /** Checks the members and that every refusal says what to do instead. */
    public AllowlistEntry {
        Objects.requireNonNull(owner, "owner");
        members = List.copyOf(members);
        Objects.requireNonNull(hint, "hint");
        for (String member : members) {
            if (!MEMBER.matcher(member).matches()) {
                throw new IllegalArgumentException("Not a member name or pattern: '" + member + "' in " + owner);
            }
        }
        if (!allows && hint.isBlank()) {
            throw new IllegalArgumentException("A refusal must say what to do instead: " + owner);
        }
    }

    /** A row that allows {@code spec}, for example {@code "java.util.*"} or {@code "java.lang.System#arraycopy"}. */
    public static AllowlistEntry allow(String spec) {
        return parse(true, spec, "");
    }

    /** A row that refuses {@code spec}, with what to do instead. */
    public static AllowlistEntry refuse(String spec, String hint) {
        return parse(false, spec, hint);
    }

    private static AllowlistEntry parse(boolean allows, String spec, String hint) {
        int hash = spec.indexOf('#');
        if (hash < 0) {
            return new AllowlistEntry(allows, new OwnerPattern(spec), List.of(), hint);
        }
        List<String> members = Arrays.stream(spec.substring(hash + 1).split(",")).map(String::trim).toList();
        return new AllowlistEntry(allows, new OwnerPattern(spec.substring(0, hash)), members, hint);
    }

    /** Whether the row is about single members rather than whole classes. */
    public boolean aboutMembers() {
        return !members.isEmpty();
    }

    /** Whether the row is about member {@code member} of class {@code className} (a whole-class row is about all). */
    public boolean matches(String className, String member) {
        return owner.matches(className) && (members.isEmpty() || members.stream().anyMatch(m -> nameMatches(m, member)));
    }

    /** Whether the row names {@code member} without a pattern (an exact name beats a pattern). */
    public boolean namesMember(String member) {
        return members.contains(member);
    }

    private static boolean nameMatches(String pattern, String name) {
        if (!pattern.contains("*")) {
            return pattern.equals(name);
        }
        return name.matches(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse(""));
    }

    @Override
    public String toString() {
        return (allows ? "allow " : "refuse ") + owner + (members.isEmpty() ? "" : "#" + String.join(",", members));
    }
}
