package org.warta.store;

/** The embedded store is held by another process; the message names it (PID and command). */
public final class StoreLockedException extends StoreException {
    public StoreLockedException(String message) {
        super(message);
    }
}
