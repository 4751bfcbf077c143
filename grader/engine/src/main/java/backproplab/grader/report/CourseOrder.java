package backproplab.grader.report;

import backproplab.grader.intake.SkeletonSources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The course's exercises in the order of the notebook, read from the skeleton itself: every stub the skeleton
 * generator writes names its task and its notes, {@code TODO [network.backward]: ... See docs/06-neural-network.md},
 * and the notes' number is the exercise's place in the course. Reports and gradebooks list tasks in this order.
 */
public final class CourseOrder {

    private static final Pattern STUB = Pattern.compile("TODO \\[([a-z0-9]+)[^\\]]*\\][^\"]*?See docs/(\\d+)-");

    private static volatile CourseOrder bundled;

    private final List<String> exercises;

    /** @param exercises the exercises (the part of a task id before its first dot), in course order */
    public CourseOrder(List<String> exercises) {
        this.exercises = List.copyOf(exercises);
    }

    /** The order of the course bundled into this grader. */
    public static CourseOrder bundled() {
        CourseOrder order = bundled;
        if (order == null) {
            order = fromSources(SkeletonSources.bundled());
            bundled = order;
        }
        return order;
    }

    /**
     * The order the stubs of these skeleton sources give: an exercise's place is the lowest note number its stubs point
     * to (a stub may point to a later note too, as the network gradient check does to the network's); exercises
     * without a numbered note are left out.
     */
    static CourseOrder fromSources(Map<String, String> sources) {
        Map<String, Integer> firstNote = new TreeMap<>();
        for (String text : sources.values()) {
            Matcher stub = STUB.matcher(text);
            while (stub.find()) {
                firstNote.merge(stub.group(1), Integer.parseInt(stub.group(2)), Math::min);
            }
        }
        List<String> exercises = new ArrayList<>(firstNote.keySet());
        exercises.sort(Comparator.comparing(firstNote::get));
        return new CourseOrder(exercises);
    }

    /** The exercises, in course order. */
    public List<String> exercises() {
        return exercises;
    }

    /** The exercise a task id belongs to: the part before its first dot. */
    public static String exerciseOf(String taskId) {
        int dot = taskId.indexOf('.');
        return dot < 0 ? taskId : taskId.substring(0, dot);
    }

    /**
     * Task ids in course order: the course's exercises first, in the notebook's order, then any other task (the API
     * and structure checks, an instructor's own suite) by name; within an exercise, by task id.
     */
    public Comparator<String> tasks() {
        return Comparator.<String>comparingInt(task -> {
            int index = exercises.indexOf(exerciseOf(task));
            return index < 0 ? exercises.size() : index;
        }).thenComparing(Comparator.naturalOrder());
    }
}
