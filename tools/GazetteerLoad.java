import java.util.List;
import org.warta.kb.KnowledgeBase;
import org.warta.place.PlaceGazetteer;

/**
 * Measures loading the place gazetteer. Run from the project root after building the CLI jar:
 * {@code /usr/bin/time -v java -Xmx300m -cp warta-cli/target/warta.jar tools/GazetteerLoad.java}
 */
public class GazetteerLoad {
    public static void main(String[] args) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        KnowledgeBase kb = KnowledgeBase.load(List.of());
        long t1 = System.nanoTime();
        long c1 = cpu.getCurrentThreadCpuTime();
        PlaceGazetteer g = PlaceGazetteer.load(kb, List.of());
        long t2 = System.nanoTime();
        long c2 = cpu.getCurrentThreadCpuTime();
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        long used = rt.totalMemory() - rt.freeMemory();
        System.out.printf("knowledge base %d ms, gazetteer %d ms wall, %d ms CPU of the loading thread (%d names), heap in use"
                + " after GC %.1f MB%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (c2 - c1) / 1_000_000, g.size(), used / 1e6);
    }
}
