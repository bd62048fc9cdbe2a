package org.mfaharness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a command's INPUT: a file path, or {@code -} for stdin, bounded in size. */
final class InputReader {
    private InputReader() {
    }

    /** The bytes of the input, at most {@code max}; a larger input is a one-line error. */
    static byte[] readBytes(String input, long max) {
        try (InputStream in = input.equals("-") ? System.in : Files.newInputStream(Path.of(input))) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (b.length > max) {
                throw new CliException(ExitCodes.INCONCLUSIVE, describe(input) + " is larger than " + max + " bytes");
            }
            return b;
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.NO_INPUT, describe(input) + ": no such file");
        } catch (AccessDeniedException e) {
            throw new CliException(ExitCodes.NO_INPUT, describe(input) + ": permission denied");
        } catch (IOException e) {
            throw new CliException(ExitCodes.NO_INPUT, describe(input) + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static String readText(String input, long max) {
        return new String(readBytes(input, max), StandardCharsets.UTF_8);
    }

    static String describe(String input) {
        return input.equals("-") ? "standard input" : input;
    }
}
