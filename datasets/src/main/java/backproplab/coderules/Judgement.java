package backproplab.coderules;

/**
 * What the allowlist says about one use of a class or member.
 *
 * @param allowed         whether the use is allowed
 * @param hint            for a refused use, what to do instead; {@code ""} when allowed
 * @param refusedByMember whether a row about this very member refused it (rather than a row about its class)
 */
public record Judgement(boolean allowed, String hint, boolean refusedByMember) {

    /** An allowed use. */
    public static final Judgement ALLOWED = new Judgement(true, "", false);

    /** A refused use, with what to do instead. */
    public static Judgement refused(String hint, boolean byMember) {
        return new Judgement(false, hint, byMember);
    }
}
