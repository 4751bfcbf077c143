package backproplab.grader.engine.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups of gradable submissions whose failed tests are the same tests with numerically identical messages (every
 * number in every failure message equal). Two students who make the same common slip land here too: it is a signal
 * to look at, never a verdict.
 */
final class SimilarityGroups {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

    private SimilarityGroups() {
    }

    /**
     * A group.
     *
     * @param ids      the submissions, sorted
     * @param failures how many failed tests they share
     * @param example  one of the shared failure messages' first line
     */
    record Group(List<String> ids, int failures, String example) {
    }

    /** The groups of two or more, largest first. */
    static List<Group> of(List<SubmissionRecord> records) {
        Map<String, List<SubmissionRecord>> bySignature = new LinkedHashMap<>();
        for (SubmissionRecord record : records) {
            if (!record.gradable()) {
                continue;
            }
            String signature = signature(record);
            if (!signature.isEmpty()) {
                bySignature.computeIfAbsent(signature, s -> new ArrayList<>()).add(record);
            }
        }
        List<Group> groups = new ArrayList<>();
        for (List<SubmissionRecord> members : bySignature.values()) {
            if (members.size() >= 2) {
                SubmissionRecord first = members.get(0);
                String example = first.failures().stream().filter(f -> NUMBER.matcher(f.message()).find())
                        .map(SubmissionRecord.Failure::firstLine).findFirst().orElse("");
                groups.add(new Group(members.stream().map(SubmissionRecord::id).sorted().toList(), first.failures().size(), example));
            }
        }
        groups.sort(Comparator.comparing((Group g) -> -g.ids().size()).thenComparing(g -> g.ids().get(0)));
        return groups;
    }

    /** The failed tests and the numbers in their messages; empty when no message holds a number. */
    static String signature(SubmissionRecord record) {
        StringBuilder signature = new StringBuilder();
        boolean anyNumber = false;
        for (SubmissionRecord.Failure failure : record.failures()) {
            signature.append(failure.test()).append('[');
            Matcher numbers = NUMBER.matcher(failure.message() == null ? "" : failure.message());
            while (numbers.find()) {
                anyNumber = true;
                signature.append(numbers.group()).append(' ');
            }
            signature.append("];");
        }
        return anyNumber ? signature.toString() : "";
    }
}
