/**
 * The rules on student code that the grader checks before it runs anything, in one place for the grader and
 * for the student repository's visible test.
 *
 * <p>{@link backproplab.coderules.CourseAllowlist} is the allowlist, a table of
 * {@link backproplab.coderules.AllowlistEntry rows} such as {@code allow java.util.*} or
 * {@code refuse java.lang.System#exit} with what to do instead; {@link backproplab.coderules.ApiAllowlist}
 * decides which row applies. {@link backproplab.coderules.CodeRules} turns it, with the rules on finalizers and
 * class names, into ArchUnit rules; {@link backproplab.coderules.CodeCheck} runs them on a folder of classes.
 *
 * <h2>Dependencies</h2>
 * <p>This package compiles against ArchUnit in {@code provided} scope: the grader and the visible test bring it.
 * Nothing else in the course runtime uses it, and the code the grader runs (the test JVM) never loads it.
 */
package backproplab.coderules;
