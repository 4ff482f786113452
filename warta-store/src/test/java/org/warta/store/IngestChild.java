package org.warta.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.warta.read.Inputs;

/**
 * A separate JVM that ingests, for the tests that kill a process mid-ingest or run two at once:
 * {@code IngestChild DATA_DIR JDBC_URL|- BATCH PATH…}. Prints "opened" once it holds the store and
 * "committed N" after each batch, on stdout.
 */
public final class IngestChild {
    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        String url = args[1].equals("-") ? null : args[1];
        int batch = Integer.parseInt(args[2]);
        List<String> paths = Arrays.asList(args).subList(3, args.length);
        try (Store store = Store.open(new StoreConfig(dataDir, url, "IngestChild " + String.join(" ", paths)))) {
            System.out.println("opened");
            System.out.flush();
            Ingester in = new Ingester(store, StoreFixtures.pipeline(), StoryAssigner.perEvent(), "test-kb", StoreFixtures.AS_OF, batch,
                    new Ingester.Listener() {
                        @Override
                        public void committed(IngestReport r) {
                            System.out.println("committed " + r.batches);
                            System.out.flush();
                        }
                    });
            Inputs.read(paths, in::accept, in::failed);
            IngestReport r = in.finish();
            System.out.println("done " + r.summary());
        }
        System.exit(0);
    }

    /** Starts a child JVM with this test classpath. */
    static Process start(Path dataDir, String url, int batch, List<String> paths) throws java.io.IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IngestChild.class.getName(), dataDir.toString(), url == null ? "-" : url,
                String.valueOf(batch)));
        cmd.addAll(paths);
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
