package backproplab.grader.suites.archbad;

import backproplab.grader.report.RunInfo;

/** Breaks the layer rule on purpose: a hidden suite that uses the engine's report package. */
public final class SuiteThatReadsTheReportPackage {

    private SuiteThatReadsTheReportPackage() {
    }

    /** @return a report type, which the suites must never see */
    public static Object run() {
        return RunInfo.of("suite");
    }
}
