package org.mfaharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a command's INPUT: a file path, or {@code -} for stdin, bounded in size. */
final class InputReader {
    private InputReader() {
    }

    /** An input over the size limit: judged INCONCLUSIVE with this reason, not read further. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long max) {
            super("larger than " + max + " bytes, the most one input may hold (a larger capture can be given as a HAR file)");
        }
    }

    /**
     * The bytes of the input, at most {@code max}; a missing or unreadable input is a one-line error (exit 66).
     *
     * @throws TooLarge when the input holds more than {@code max} bytes
     */
    static byte[] readBytes(String input, long max) throws TooLarge {
        byte[] b;
        try (InputStream in = input.equals("-") ? System.in : Files.newInputStream(Path.of(input))) {
            b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.NO_INPUT, describe(input) + ": no such file");
        } catch (AccessDeniedException e) {
            throw new CliException(ExitCodes.NO_INPUT, describe(input) + ": permission denied");
        } catch (IOException e) {
            throw new CliException(ExitCodes.NO_INPUT, describe(input) + ": cannot be read (" + e.getMessage() + ")");
        }
        if (b.length > max) {
            throw new TooLarge(max);
        }
        return b;
    }

    static String describe(String input) {
        return input.equals("-") ? "standard input" : input;
    }
}
