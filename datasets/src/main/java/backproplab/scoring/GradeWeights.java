package backproplab.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How many points of the grade each exercise is worth: the one table of weights, read from
 * {@value #RESOURCE} (lines {@code exercise = points}, in the course's order, {@code #} comments). The grade's
 * hidden tests add up to these weights per exercise (the grader's tests check it), and the students' score preview
 * ({@code ScorePreview}) scales its visible tests to them, so that the preview and the grade share one scale.
 */
public final class GradeWeights {

    /** The class-path resource that holds the weights. */
    public static final String RESOURCE = "/backproplab/scoring/grade-weights.properties";

    private static volatile GradeWeights bundled;

    private final Map<String, Double> weights;

    private GradeWeights(Map<String, Double> weights) {
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    /**
     * The weights of this course.
     *
     * @return the weights read from {@value #RESOURCE}
     * @throws IllegalStateException if the resource is missing or malformed
     */
    public static GradeWeights bundled() {
        GradeWeights weights = bundled;
        if (weights == null) {
            try (InputStream in = GradeWeights.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the grade weights " + RESOURCE + " are missing");
                }
                weights = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = weights;
        }
        return weights;
    }

    /**
     * Reads weights.
     *
     * @param text lines {@code exercise = points}; blank lines and lines starting with {@code #} are skipped
     * @return the weights, in the order of the lines
     * @throws IllegalStateException for a line that is not {@code name = number}, a negative weight or a repeated
     *                               exercise
     */
    public static GradeWeights parse(String text) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int equals = stripped.indexOf('=');
            try {
                String exercise = stripped.substring(0, equals).strip();
                double points = Double.parseDouble(stripped.substring(equals + 1).strip());
                if (exercise.isEmpty() || !(points >= 0) || weights.put(exercise, points) != null) {
                    throw new IllegalArgumentException(stripped);
                }
            } catch (RuntimeException e) {
                throw new IllegalStateException("grade weights: \"" + stripped + "\" is not \"exercise = points\" "
                        + "with a new exercise and a number of points of 0 or more", e);
            }
        }
        return new GradeWeights(weights);
    }

    /**
     * The weights.
     *
     * @return exercise to points, in the course's order; unmodifiable
     */
    public Map<String, Double> byExercise() {
        return weights;
    }

    /**
     * One exercise's weight.
     *
     * @param exercise an exercise, for example {@code network}
     * @return its points in the grade, or empty for an exercise the grade does not weigh
     */
    public OptionalDouble weight(String exercise) {
        Double weight = weights.get(Objects.requireNonNull(exercise, "exercise"));
        return weight == null ? OptionalDouble.empty() : OptionalDouble.of(weight);
    }

    /**
     * The grade's maximum.
     *
     * @return the sum of the weights
     */
    public double total() {
        return Points.round(weights.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /**
     * The exercise a task belongs to: the part of its id before the first dot ({@code network.backward} →
     * {@code network}; a visible test's task is its exercise, {@code network}).
     *
     * @param task a task id
     * @return the exercise
     */
    public static String exerciseOf(String task) {
        int dot = task.indexOf('.');
        return dot < 0 ? task : task.substring(0, dot);
    }
}
