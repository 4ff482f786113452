package org.warta.read;

/** An input that cannot be read or extracted. The message names the input and, where it can, the fix. */
public class InputException extends Exception {
    private final String input;

    public InputException(String input, String message) {
        super(input + ": " + message);
        this.input = input;
    }

    public InputException(String input, String message, Throwable cause) {
        super(input + ": " + message, cause);
        this.input = input;
    }

    public String input() { return input; }
}
