package backproplab.grader.engine.batch;

import backproplab.grader.report.CourseOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The gradebook's task columns: the course's exercises in the order of the notebook and the reports, then any other
 * task (an instructor's own suite, the API check) in the order first seen. A test's task id such as
 * {@code network.backward} belongs to the exercise before its first dot.
 */
public final class TaskOrder {


    private TaskOrder() {
    }

    /** The exercise a task id belongs to: the part before its first dot. */
    public static String exerciseOf(String taskId) {
        return CourseOrder.exerciseOf(taskId);
    }

    /**
     * The columns for these exercises.
     *
     * @param seen exercises as they appear in the submissions' records, in the order first seen
     * @return the course's exercises (always, so every gradebook has the same columns), then the others
     */
    public static List<String> columns(Collection<String> seen) {
        Set<String> columns = new LinkedHashSet<>(CourseOrder.bundled().exercises());
        columns.addAll(seen);
        return new ArrayList<>(columns);
    }
}
