package org.mfaharness.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes report files whole or not at all: to a temporary file in the same folder, then an atomic move. Files
 * holding assertions or tokens are created with mode 0600 from the start (never chmod-ed after).
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private PrivateFiles() {
    }

    /** Writes a file holding bearer credentials (mode 0600). */
    public static void writeSecret(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content), OWNER_ONLY);
    }

    /** Streams a file holding bearer credentials (mode 0600); nothing appears at {@code target} unless all was written. */
    public static void writeSecret(Path target, Writer content) throws IOException {
        write(target, content, OWNER_ONLY);
    }

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /** Writes a file without credentials (mode 0644). */
    public static void writePublic(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content), READABLE);
    }

    private static void write(Path target, Writer content, Set<PosixFilePermission> perms) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = createTemp(dir, target.getFileName().toString(), perms);
        try {
            try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path createTemp(Path dir, String name, Set<PosixFilePermission> perms) throws IOException {
        try {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(perms);
            return Files.createTempFile(dir, "." + name + ".", ".tmp", attr);
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, "." + name + ".", ".tmp");
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create a temporary file in " + dir, e);
        }
    }
}
