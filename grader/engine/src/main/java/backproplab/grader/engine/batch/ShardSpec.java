package backproplab.grader.engine.batch;

/**
 * Which share of a class one run grades, written {@code i/n} (1 ≤ i ≤ n): the entries at positions i-1, i-1+n,
 * i-1+2n, ... of the list sorted by student id, so that n runs with i = 1..n grade every entry exactly once.
 *
 * @param index which shard, from 1
 * @param count how many shards
 */
public record ShardSpec(int index, int count) {

    /** Everything: one shard of one. */
    public static final ShardSpec ALL = new ShardSpec(1, 1);

    /** Checks that the shard exists. */
    public ShardSpec {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("A shard is i/n with 1 <= i <= n, not " + index + "/" + count);
        }
    }

    /**
     * Parses {@code i/n}.
     *
     * @param text for example {@code 2/4}
     * @return the shard
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static ShardSpec parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("A shard is written i/n, for example 2/4, not '" + text + "'");
        }
        try {
            return new ShardSpec(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A shard is written i/n with whole numbers, for example 2/4, not '" + text + "'", e);
        }
    }

    /** Whether the entry at {@code position} (from 0) of the sorted list belongs to this shard. */
    public boolean selects(int position) {
        return position % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
