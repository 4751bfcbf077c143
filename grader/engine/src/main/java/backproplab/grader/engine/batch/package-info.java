/**
 * Grading a whole class: the plan (one entry per student, a shard of them), the runner that grades them in parallel
 * with one {@link backproplab.grader.engine.GradingSession}, each into a folder that is complete or absent, and the
 * class files (gradebook, summary, class report), also merged from the outputs of several shards.
 */
package backproplab.grader.engine.batch;
