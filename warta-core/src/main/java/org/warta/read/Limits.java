package org.warta.read;

/** Reads the numeric limits that guard the readers against hostile input (system properties). */
final class Limits {
    private Limits() {}

    static long longProperty(String name, long fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            long n = Long.parseLong(v.strip());
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static int intProperty(String name, int fallback) {
        return (int) Math.min(Integer.MAX_VALUE, longProperty(name, fallback));
    }
}
