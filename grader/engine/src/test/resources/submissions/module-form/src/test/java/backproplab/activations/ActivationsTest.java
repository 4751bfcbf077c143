package backproplab.activations;

/** Must be ignored: only src/main/java is graded. */
class ActivationsTest { this does not compile }
