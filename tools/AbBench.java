import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Interleaved A/B timing of two builds of Warta in one JVM: each CLI jar in its own class loader, the
 * bench's staged pass (CPU time of each stage) run on a bench corpus folder in turn, A B, B A, A B…, and the
 * least time of each stage per build reported. Interleaving cancels most of the drift of a shared machine,
 * which separate runs minutes apart do not.
 *
 * <pre>
 * java tools/AbBench.java base.jar branch.jar /tmp/warta-bench/v1-10000000 [rounds]
 * </pre>
 * (Build the corpus first with {@code ./warta bench --size-mb 10 --corpus DIR}.) The jars must both hold
 * {@code org.warta.cli.bench.Bench}.
 */
public class AbBench {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: java tools/AbBench.java A.jar B.jar CORPUS_DIR [rounds=3]");
            System.exit(2);
        }
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<String> files = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> s = Files.walk(Path.of(args[2]))) {
            for (Path p : s.sorted().toList())
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                    files.add(p.toString());
                    bytes += Files.size(p);
                }
        }
        LocalDate asOf = LocalDate.of(2026, 1, 1);
        Object[] benches = new Object[2];
        Method[] staged = new Method[2];
        for (int k = 0; k < 2; k++) {
            URLClassLoader cl = new URLClassLoader(new URL[] {Path.of(args[k]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> env = cl.loadClass("org.warta.cli.Env");
            Object pipeline = env.getMethod("defaultPipeline", LocalDate.class, List.class).invoke(null, asOf, List.of());
            Class<?> bench = cl.loadClass("org.warta.cli.bench.Bench");
            benches[k] = bench.getConstructor(pipeline.getClass(), LocalDate.class, java.io.PrintStream.class)
                    .newInstance(pipeline, asOf, System.err);
            staged[k] = bench.getDeclaredMethod("staged", List.class, long.class, Map.class);
            staged[k].setAccessible(true);
        }
        List<String> warm = files.subList(0, Math.max(1, files.size() / 4));
        for (int k = 0; k < 2; k++) staged[k].invoke(benches[k], warm, 0L, new LinkedHashMap<String, long[]>());
        List<Map<String, Long>> best = List.of(new TreeMap<>(), new TreeMap<>());
        for (int r = 0; r < rounds; r++)
            for (int kk = 0; kk < 2; kk++) {
                int k = r % 2 == 0 ? kk : 1 - kk; // A B, then B A: neither build always runs second
                Map<String, long[]> nanos = new LinkedHashMap<>();
                long t0 = System.nanoTime();
                staged[k].invoke(benches[k], files, bytes, nanos);
                long total = 0;
                for (Map.Entry<String, long[]> e : nanos.entrySet()) {
                    best.get(k).merge(e.getKey(), e.getValue()[0], Math::min);
                    total += e.getValue()[0];
                }
                best.get(k).merge("(all stages)", total, Math::min);
                System.err.printf("round %d %s: %.2f s CPU in stages, %.1f s wall%n", r + 1, k == 0 ? "A" : "B", total / 1e9,
                        (System.nanoTime() - t0) / 1e9);
            }
        System.out.printf("%-32s %10s %10s %8s%n", "stage (least CPU s of " + rounds + ")", "A", "B", "B/A");
        for (String key : best.get(0).keySet()) {
            long a = best.get(0).get(key), b = best.get(1).getOrDefault(key, 0L);
            System.out.printf("%-32s %10.3f %10.3f %8.3f%n", key, a / 1e9, b / 1e9, a == 0 ? 0 : (double) b / a);
        }
    }
}
