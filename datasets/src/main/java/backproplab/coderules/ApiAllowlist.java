package backproplab.coderules;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table of {@link AllowlistEntry rows} that decides whether code may use a class or one of its members.
 * Whatever no row allows is refused.
 *
 * <p>When several rows match, the narrowest decides: a row about the member beats a row about its class, then
 * a row about a class beats one about its package, and a package beats a package tree (see
 * {@link OwnerPattern#specificity()}); then an exact member name beats a pattern; on a tie, the refusal wins.
 * So {@code allow java.lang.System#arraycopy} beats {@code refuse java.lang.System}, and
 * {@code refuse *#wait} beats {@code allow java.util.*}.
 *
 * <p>The table never changes, so each answer is remembered: a submission asks about the same few hundred
 * members thousands of times.
 */
public final class ApiAllowlist {

    private final List<AllowlistEntry> entries;
    private final List<AllowlistEntry> alsoAllowed;
    private final String fallbackHint;
    private final Map<String, Judgement> answers = new ConcurrentHashMap<>();

    /**
     * @param entries      the rows
     * @param fallbackHint what a student reads for a use that no row mentions
     */
    public ApiAllowlist(List<AllowlistEntry> entries, String fallbackHint) {
        this(entries, List.of(), fallbackHint);
    }

    private ApiAllowlist(List<AllowlistEntry> entries, List<AllowlistEntry> alsoAllowed, String fallbackHint) {
        this.entries = List.copyOf(entries);
        this.alsoAllowed = List.copyOf(alsoAllowed);
        this.fallbackHint = Objects.requireNonNull(fallbackHint, "fallbackHint");
    }

    /**
     * This table with more allowed: a use that one of {@code extras} allows is allowed, whatever this table says.
     *
     * @param extras rows that allow (a refusing row is an error)
     * @return a new table
     */
    public ApiAllowlist alsoAllowing(List<AllowlistEntry> extras) {
        extras.stream().filter(extra -> !extra.allows()).findFirst().ifPresent(extra -> {
            throw new IllegalArgumentException("Extras may only allow, but " + extra + " refuses");
        });
        return new ApiAllowlist(entries, extras, fallbackHint);
    }

    /** The rows, in table order (without the extras). */
    public List<AllowlistEntry> entries() {
        return entries;
    }

    /** The rows this table allows on top of {@link #entries()}. */
    public List<AllowlistEntry> extras() {
        return alsoAllowed;
    }

    /**
     * Whether code may use member {@code member} (a method, field or {@code <init>}) of class {@code className}.
     *
     * @param className the binary name of the class the code names, for example {@code java.lang.System}
     * @param member    the member's name, for example {@code exit}
     */
    public Judgement member(String className, String member) {
        return answers.computeIfAbsent(className + "#" + member, key -> judgeMember(className, member));
    }

    private Judgement judgeMember(String className, String member) {
        if (alsoAllowed.stream().anyMatch(entry -> entry.matches(className, member))) {
            return Judgement.ALLOWED;
        }
        Comparator<AllowlistEntry> narrowest = Comparator.comparing(AllowlistEntry::aboutMembers)
                .thenComparingInt(entry -> entry.owner().specificity())
                .thenComparing(entry -> entry.namesMember(member))
                .thenComparing(entry -> !entry.allows());
        Optional<AllowlistEntry> decisive = entries.stream().filter(entry -> entry.matches(className, member))
                .max(narrowest);
        if (decisive.isEmpty()) {
            return Judgement.refused(fallbackHint, false);
        }
        AllowlistEntry entry = decisive.get();
        return entry.allows() ? Judgement.ALLOWED : Judgement.refused(entry.hint(), entry.aboutMembers());
    }

    /**
     * Whether code may name class {@code className} (as a field, parameter or return type, a supertype, a class
     * literal, in {@code instanceof}, ...). A class is nameable when a row allows all of it, or when a row allows
     * one of its members by the class's exact name: {@code Class<?>} and {@code PrintStream} can be named,
     * though only some of their members may be used.
     *
     * @param className the binary name of the class
     */
    public Judgement type(String className) {
        return answers.computeIfAbsent(className, key -> judgeType(className));
    }

    private Judgement judgeType(String className) {
        if (alsoAllowed.stream().anyMatch(entry -> !entry.aboutMembers() && entry.owner().matches(className)
                || entry.aboutMembers() && entry.owner().namesExactly(className))) {
            return Judgement.ALLOWED;
        }
        Optional<AllowlistEntry> decisive = entries.stream()
                .filter(entry -> !entry.aboutMembers() && entry.owner().matches(className))
                .max(Comparator.<AllowlistEntry>comparingInt(entry -> entry.owner().specificity())
                        .thenComparing(entry -> !entry.allows()));
        if (decisive.isPresent() && decisive.get().allows()) {
            return Judgement.ALLOWED;
        }
        boolean someMembersAllowed = entries.stream()
                .anyMatch(entry -> entry.allows() && entry.aboutMembers() && entry.owner().namesExactly(className));
        if (someMembersAllowed) {
            return Judgement.ALLOWED;
        }
        return Judgement.refused(decisive.map(AllowlistEntry::hint).orElse(fallbackHint), false);
    }
}
