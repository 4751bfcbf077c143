package backproplab.scoring;

/** Hostile corpus (reserved-dollar-class): a class named like a nested class of the scoring API. */
public final class Graded$Points {
    private Graded$Points() {
    }
}
