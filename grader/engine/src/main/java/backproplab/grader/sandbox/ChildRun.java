package backproplab.grader.sandbox;

/**
 * What happened to one forked child JVM.
 *
 * @param exitCode      the child's exit code, or {@code -1} if it had to be killed
 * @param ending        how it ended, in one sentence
 * @param startupMillis from process start to its first event (JVM start-up)
 * @param backendMillis ND4J start-up inside the child ({@code 0} if not measured)
 * @param discoveryMillis test discovery
 * @param testsMillis   from the end of discovery to the end of the child
 * @param testsFinished how many tests reported an end in this child
 * @param cpuMillis     the child's CPU time: the larger of its own figure when it finished its run and the operating
 *                      system's figure of its process tree as the grader last saw it (all a killed child leaves),
 *                      or {@code -1} if neither is known
 * @param console       what the child wrote to its standard streams outside {@code System.out}/{@code err}
 *                      (JVM and native messages), head and tail only
 */
public record ChildRun(int exitCode, String ending, long startupMillis, long backendMillis, long discoveryMillis,
                       long testsMillis, int testsFinished, long cpuMillis, String console) {
}
