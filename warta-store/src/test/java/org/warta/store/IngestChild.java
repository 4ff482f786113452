package org.warta.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.warta.lang.Languages;
import org.warta.pipeline.Pipeline;
import org.warta.read.Inputs;

/**
 * A separate JVM that ingests or re-codes, for the tests that kill a process mid-run or run two at once:
 * {@code IngestChild [--recode] [--kb VERSION] [--linked] DATA_DIR JDBC_URL|- BATCH PATH…}. It runs the
 * store's own code paths ({@link Ingester}, {@link Ingester#recodeStored()}, the CLI's story linker with
 * {@code --linked}) and prints on stdout: "start" before it opens the store, "opened" once it holds it,
 * "begin G" / "end G" around each batch write (G: the store generation before it), "committed N" after
 * each batch and "done SUMMARY" at the end.
 */
public final class IngestChild {
    public static void main(String[] args) {
        boolean recode = false, linked = false;
        String kb = "test-kb";
        int a = 0;
        for (; a < args.length && args[a].startsWith("--"); a++) {
            switch (args[a]) {
                case "--recode" -> recode = true;
                case "--linked" -> linked = true;
                case "--kb" -> kb = args[++a];
                default -> throw new IllegalArgumentException("unknown option " + args[a]);
            }
        }
        Path dataDir = Path.of(args[a]);
        String url = args[a + 1].equals("-") ? null : args[a + 1];
        int batch = Integer.parseInt(args[a + 2]);
        List<String> paths = List.of(args).subList(a + 3, args.length);
        Pipeline pipeline = StoreFixtures.pipeline();
        StoryAssigner assigner = linked ? StoryAssigner.linked(new Languages(List.of())) : StoryAssigner.perEvent();
        System.out.println("start");
        System.out.flush();
        try (Store opened = Store.open(new StoreConfig(dataDir, url, "IngestChild " + String.join(" ", paths)))) {
            System.out.println("opened");
            System.out.flush();
            Store store = new Announcing(opened);
            Ingester.Listener listener = new Ingester.Listener() {
                @Override
                public void committed(IngestReport r) {
                    System.out.println("committed " + r.batches);
                    System.out.flush();
                }
            };
            IngestReport r;
            if (recode) {
                r = Ingester.recoder(store, pipeline, assigner, kb, batch, listener).recodeStored();
            } else {
                Ingester in = new Ingester(store, pipeline, assigner, kb, StoreFixtures.AS_OF, batch, listener);
                Inputs.read(paths, in::accept, in::failed);
                r = in.finish();
            }
            System.out.println("done " + r.summary());
            System.out.flush();
        }
        System.exit(0);
    }

    /** Starts a child JVM with this test classpath. */
    static Process start(Path dataDir, String url, int batch, List<String> paths) throws java.io.IOException {
        return start(List.of(), dataDir, url, batch, paths);
    }

    /** Starts a child JVM with this test classpath, quick to start (client compiler only), with the given options. */
    static Process start(List<String> options, Path dataDir, String url, int batch, List<String> paths) throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), IngestChild.class.getName()));
        cmd.addAll(options);
        cmd.addAll(List.of(dataDir.toString(), url == null ? "-" : url, String.valueOf(batch)));
        cmd.addAll(paths);
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The store, saying on stdout when each batch write begins and ends (so a kill can be placed). */
    private static final class Announcing extends ForwardingStore {
        Announcing(Store store) {
            super(store);
        }

        @Override
        public BatchResult write(List<Coded> batch, StoryAssigner assigner) {
            long g = store.generation();
            System.out.println("begin " + g);
            System.out.flush();
            BatchResult r = store.write(batch, assigner);
            System.out.println("end " + g);
            System.out.flush();
            return r;
        }

    }
}
