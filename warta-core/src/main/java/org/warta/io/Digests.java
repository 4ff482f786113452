package org.warta.io;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The short SHA-256 ids of Warta's records (articles, events). */
public final class Digests {
    private Digests() {}

    /** One SHA-256 digest per thread: looking one up by name costs more than hashing a short key. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    });

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The first 8 bytes of the SHA-256 of the string (UTF-8), as 16 lower-case hex digits. */
    public static String sha256Hex16(String s) {
        MessageDigest md = SHA256.get();
        md.reset();
        byte[] d = md.digest(s.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = HEX[(d[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[d[i] & 0xf];
        }
        return new String(out);
    }
}
