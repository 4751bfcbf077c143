package backproplab.gradientflow;

/** What the gradient norm of the earliest layer says about a deep network (notebook section 6). */
public enum Verdict {
    /** The earliest layer's gradient is below {@link GradientFlow#VANISHING_THRESHOLD}: it barely learns. */
    VANISHING,
    /** The earliest layer's gradient is above {@link GradientFlow#EXPLODING_THRESHOLD}: updates blow up. */
    EXPLODING,
    /** Neither: gradients are well-behaved. */
    HEALTHY
}
