package grader.engine.src.test.resources.submissions.module-form.src.test.java.backproplab.activations;

/** Must be ignored: only src/main/java is graded. */
class ActivationsTest { this does not compile }
