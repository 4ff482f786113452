package org.warta.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that gives each iteration's operations per CPU second of the benchmark's worker threads
 * ({@code ·cpu.ops_per_cpu_second}), beside JMH's own figure, which is per wall-clock second. On a machine
 * that other work shares, the wall-clock figure drops with the load; the CPU-time one much less. GC and
 * JIT threads are not counted. Use it with {@code -prof org.warta.bench.jmh.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long start;

    @Override
    public String getDescription() {
        return "operations per CPU second of the benchmark threads (thread CPU time instead of wall time)";
    }

    /** CPU time of the JMH worker threads alive now, in nanoseconds. */
    static long workerCpu() {
        long sum = 0;
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null || !t.getThreadName().contains("jmh-worker")) continue;
            long cpu = THREADS.getThreadCpuTime(t.getThreadId());
            if (cpu > 0) sum += cpu;
        }
        return sum;
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (!THREADS.isThreadCpuTimeSupported())
            throw new IllegalStateException("this JVM cannot measure thread CPU time; run without -prof " + getClass().getName());
        start = workerCpu();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long cpu = workerCpu() - start;
        double perSecond = cpu > 0 ? result.getMetadata().getAllOps() / (cpu / 1e9) : Double.NaN;
        return List.of(new ScalarResult("cpu.ops_per_cpu_second", perSecond, "ops/cpu-s", AggregationPolicy.AVG));
    }
}
