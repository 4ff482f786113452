package org.warta.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The embedded store's owner: DuckDB lets one process hold a database file for writing, so every process
 * that opens it first takes an OS lock on {@code warta.lock} in the data directory and writes its PID and
 * command there. The OS drops the lock when the process dies (even by kill -9), so a stale file never
 * blocks; a second process reads the file and says who holds the store.
 */
final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path dataDir, String command) {
        Path file = dataDir.resolve("warta.lock");
        try {
            Files.createDirectories(dataDir);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                ch.close();
                throw new StoreLockedException("the store in " + dataDir + " is in use by another process ("
                        + (holder.isEmpty() ? "unknown" : holder.replace('\n', ' ')) + "). The embedded DuckDB store has one "
                        + "owner at a time: wait for it to finish or stop it, or use a PostgreSQL store (--db jdbc:postgresql://…), "
                        + "which serves many processes.");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ": " + command + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new StoreLock(ch, l);
        } catch (IOException e) {
            throw new StoreException("cannot lock the store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the OS releases the lock with the process anyway
        }
    }
}
