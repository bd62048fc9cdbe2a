package org.mfaharness.cli;

/**
 * A problem the user can fix (a missing file, a bad flag value): printed as one line on stderr, no stack trace,
 * and the process exits with {@link #exitCode()}.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * Why a file operation failed, in words, with the path it failed on: a bare {@code FileSystemException} message
     * is only the path ("/proc/nope"), which says nothing.
     */
    public static String reason(java.io.IOException e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            String what = f instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f instanceof java.nio.file.NotDirectoryException ? "not a folder"
                    : f instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : f.getReason() != null ? f.getReason()
                    : f.getClass().getSimpleName().replaceAll("Exception$", "");
            return what + ": " + (f.getOtherFile() != null ? f.getFile() + " -> " + f.getOtherFile() : f.getFile());
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
