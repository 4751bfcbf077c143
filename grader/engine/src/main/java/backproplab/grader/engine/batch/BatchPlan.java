package backproplab.grader.engine.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The entries of a submissions folder that one run grades: every folder and zip in it (hidden names skipped), sorted
 * by student id, then the {@link ShardSpec shard}'s share of them.
 */
public final class BatchPlan {

    private final List<BatchEntry> all;
    private final List<BatchEntry> selected;

    private BatchPlan(List<BatchEntry> all, List<BatchEntry> selected) {
        this.all = List.copyOf(all);
        this.selected = List.copyOf(selected);
    }

    /**
     * Lists a submissions folder.
     *
     * @param submissions a folder whose entries are one submission each
     * @param shard       the share to grade
     * @return the plan
     * @throws IOException if the folder cannot be listed, or two entries have the same id ({@code a} and {@code a.zip})
     */
    public static BatchPlan of(Path submissions, ShardSpec shard) throws IOException {
        if (!Files.isDirectory(submissions)) {
            throw new IOException("The submissions folder " + submissions + " does not exist or is not a folder.");
        }
        List<BatchEntry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(submissions)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith(".") || name.equals("__MACOSX")) {
                    continue;
                }
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(new BatchEntry(name, child));
                } else if (name.toLowerCase(Locale.ROOT).endsWith(".zip") && Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(new BatchEntry(name.substring(0, name.length() - 4), child));
                }
            }
        }
        return of(entries, shard);
    }

    /**
     * A plan of given entries (a batch of cloned repositories).
     *
     * @param listed the entries, in any order
     * @param shard  the share to grade
     * @return the plan: the entries sorted by id, and the shard's share of them
     * @throws IOException if two entries have the same id
     */
    public static BatchPlan of(List<BatchEntry> listed, ShardSpec shard) throws IOException {
        List<BatchEntry> entries = new ArrayList<>(listed);
        entries.sort(Comparator.comparing(BatchEntry::id));
        Set<String> ids = new HashSet<>();
        for (BatchEntry entry : entries) {
            if (!ids.add(entry.id())) {
                throw new IOException("Two submissions have the id " + entry.id() + " (a folder and a zip?); keep one.");
            }
        }
        List<BatchEntry> selected = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (shard.selects(i)) {
                selected.add(entries.get(i));
            }
        }
        return new BatchPlan(entries, selected);
    }

    /** Every entry of the folder, sorted by id. */
    public List<BatchEntry> all() {
        return all;
    }

    /** The entries this run grades, sorted by id. */
    public List<BatchEntry> selected() {
        return selected;
    }
}
