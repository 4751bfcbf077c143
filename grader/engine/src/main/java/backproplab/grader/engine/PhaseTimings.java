package backproplab.grader.engine;

import backproplab.grader.child.ProcessCpu;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Wall time of each phase of a grading run, in the order they ran, for the console, {@code timings.json}
 * and the benchmark. A phase may carry a breakdown measured elsewhere (the child JVM's start-up, ND4J's
 * start-up and the tests inside the forked run). Each phase also records the CPU time this JVM used during it
 * (all of its threads, the JIT compilers and the collector included), and the run records the CPU time of
 * each process it started.
 */
public final class PhaseTimings {

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> details = new LinkedHashMap<>();
    private final Map<String, Long> cpu = new LinkedHashMap<>();
    private final Map<String, Long> phaseCpu = new LinkedHashMap<>();
    private final Map<String, String> classData = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();
    private final long jvmUptimeAtStartMillis;
    private long phaseStartNanos = startNanos;
    private long phaseStartCpuMillis = ProcessCpu.millis();

    /** Starts the clock now. */
    public PhaseTimings() {
        this(false);
    }

    /**
     * Starts the clock.
     *
     * @param sinceJvmStart whether this JVM was started just for this run (the {@code java -jar} command): then
     *                      the time the JVM needed to get here is recorded as {@code grader start} and counted
     *                      in the total
     */
    public PhaseTimings(boolean sinceJvmStart) {
        long uptime = 0;
        if (sinceJvmStart) {
            try {
                uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            } catch (RuntimeException | LinkageError e) {
                uptime = 0;
            }
            millis.put("grader start", uptime);
            if (phaseStartCpuMillis >= 0) {
                phaseCpu.put("grader start", phaseStartCpuMillis);
            }
        }
        jvmUptimeAtStartMillis = uptime;
    }

    /** Ends the current phase under {@code name} and starts the next one. */
    public synchronized void lap(String name) {
        lap(name, Map.of());
    }

    /** Ends the current phase under {@code name}, with a breakdown of it, and starts the next one. */
    public synchronized void lap(String name, Map<String, Long> breakdown) {
        long now = System.nanoTime();
        long nowCpu = ProcessCpu.millis();
        millis.merge(name, (now - phaseStartNanos) / 1_000_000L, Long::sum);
        if (nowCpu >= 0 && phaseStartCpuMillis >= 0) {
            phaseCpu.merge(name, nowCpu - phaseStartCpuMillis, Long::sum);
        }
        if (!breakdown.isEmpty()) {
            details.put(name, new LinkedHashMap<>(breakdown));
        }
        phaseStartNanos = now;
        phaseStartCpuMillis = nowCpu;
    }

    /** Records the CPU time of one process of the run (negative values, meaning unknown, are left out). */
    public synchronized void cpu(String process, long cpuMillis) {
        if (cpuMillis >= 0) {
            cpu.merge(process, cpuMillis, Long::sum);
        }
    }

    /** Records the CPU time this JVM (the grader) has used so far under {@code name}. */
    public void cpuOfThisJvm(String name) {
        cpu(name, ProcessCpu.millis());
    }

    /** Records whether a process used class-data sharing ({@code backproplab.grader.sandbox.ClassDataUse}). */
    public synchronized void classData(String process, String use) {
        classData.put(process, use);
    }

    /** Whether each process used class-data sharing, as recorded. */
    public synchronized Map<String, String> classData() {
        return new LinkedHashMap<>(classData);
    }

    /** CPU time per process, in milliseconds. */
    public synchronized Map<String, Long> cpu() {
        return new LinkedHashMap<>(cpu);
    }

    /** CPU time of this JVM during each phase, in milliseconds, in order (phases whose CPU time is unknown are left out). */
    public synchronized Map<String, Long> phaseCpu() {
        return new LinkedHashMap<>(phaseCpu);
    }

    /** Milliseconds since the clock started, plus the JVM's start-up when it counts. */
    public long totalMillis() {
        return jvmUptimeAtStartMillis + (System.nanoTime() - startNanos) / 1_000_000L;
    }

    /** The phases and their milliseconds, in order; breakdowns as {@code "phase / part"}. */
    public synchronized Map<String, Long> phases() {
        Map<String, Long> all = new LinkedHashMap<>();
        millis.forEach((name, ms) -> {
            all.put(name, ms);
            details.getOrDefault(name, Map.of()).forEach((part, partMs) -> all.put(name + " / " + part, partMs));
        });
        return all;
    }

    /** One line, for example {@code grader start 310 ms | compile 812 ms | forked run 3.10 s [JVM start 420 ms, ...] | total 4.21 s}. */
    public synchronized String line() {
        StringJoiner line = new StringJoiner(" | ");
        millis.forEach((name, ms) -> {
            StringBuilder text = new StringBuilder(name).append(' ').append(format(ms));
            Map<String, Long> parts = details.get(name);
            if (parts != null) {
                StringJoiner inner = new StringJoiner(", ", " [", "]");
                parts.forEach((part, partMs) -> inner.add(part + " " + format(partMs)));
                text.append(inner);
            }
            line.add(text);
        });
        line.add("total " + format(totalMillis()));
        if (!cpu.isEmpty()) {
            StringJoiner inner = new StringJoiner(", ", "CPU [", "]");
            cpu.forEach((process, ms) -> inner.add(process + " " + format(ms)));
            line.add(inner.toString());
        }
        if (!classData.isEmpty()) {
            StringJoiner inner = new StringJoiner(", ", "CDS [", "]");
            classData.forEach((process, use) -> inner.add(process + " " + use));
            line.add(inner.toString());
        }
        return line.toString();
    }

    private static String format(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }
}
