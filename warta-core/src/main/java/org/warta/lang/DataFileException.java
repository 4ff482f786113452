package org.warta.lang;

/** A bad entry in a language-pack or knowledge-base data file: the message names the file and line. */
public class DataFileException extends RuntimeException {
    private final String file;
    private final int line;

    public DataFileException(String file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }

    public int line() { return line; }
}
