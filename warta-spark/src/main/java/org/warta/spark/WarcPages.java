package org.warta.spark;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.warta.model.Page;
import org.warta.read.InputException;

/**
 * A WARC stream as an iterator of pages and errors, for Spark's lazy {@code flatMap}: the core's WARC
 * reader (the one {@code warta code} uses) runs on a reader thread and hands each page or error over a
 * small queue, so a file of any size needs the memory of a few records. {@link #close()} stops the reader.
 *
 * <pre>{@code
 * try (WarcPages pages = new WarcPages("crawl.warc.gz", in)) {
 *     while (pages.hasNext()) { WarcPages.Item item = pages.next(); ... }
 * }
 * }</pre>
 */
final class WarcPages implements Iterator<WarcPages.Item>, Closeable {
    /** A page, or an input that could not be read (a record, or the file from some point on). */
    record Item(Page page, InputException error) {}

    private static final Item END = new Item(null, null);

    private final InputStream in;
    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(8);
    private volatile boolean closed;
    private Item next;

    /** Thrown on the reader thread when the consumer has gone; it ends the reading. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("reading stopped", null, false, false);
        }
    }

    WarcPages(String name, InputStream in) {
        this.in = in;
        Thread reader = new Thread(() -> {
            try {
                org.warta.read.WarcPages.read(name, in, p -> put(new Item(p, null)), e -> put(new Item(null, e)));
            } catch (Stopped e) {
                return;
            } catch (RuntimeException | Error e) {
                put(new Item(null, new InputException(name, "cannot read the WARC file (" + e + ")")));
            }
            put(END);
        }, "warta-warc-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void put(Item item) {
        try {
            while (!closed) if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Stopped();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading a WARC file", e);
            }
        }
        return next != END;
    }

    @Override
    public Item next() {
        if (!hasNext()) throw new NoSuchElementException();
        Item item = next;
        next = null;
        return item;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        queue.clear();
        in.close();
    }
}
