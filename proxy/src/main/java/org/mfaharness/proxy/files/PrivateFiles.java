package org.mfaharness.proxy.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Creates files readable by their owner only. The permission is given to the file system as a creation attribute, so
 * there is no moment at which the file exists with wider permissions. On a file system without POSIX permissions the
 * files are created with its defaults.
 *
 * <p>Thread-safe (stateless).
 */
public final class PrivateFiles {
    /** rw------- */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Opens a new file for writing with mode 0600; missing parent directories are created and an existing file at
     * {@code path} is deleted first.
     */
    public static FileChannel createOwnerOnly(Path path, OpenOption... extra) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(path);
        Set<OpenOption> options = new java.util.HashSet<>(Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        options.addAll(java.util.Arrays.asList(extra));
        return FileChannel.open(path, options, ownerOnlyAttributes(path));
    }

    /** Writes {@code content} to {@code target} atomically: a 0600 temporary file in the same directory, then a move. */
    public static void writeAtomically(Path target, byte[] content, boolean ownerOnly) throws IOException {
        writeAtomically(target, out -> out.write(content), ownerOnly);
    }

    /** Streams a file's content; receives the temporary file's stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Streams {@code content} to {@code target} atomically (a temporary file in the same directory, then a move), so
     * a reader never sees a half-written file and a failure leaves nothing at {@code target}. With {@code ownerOnly}
     * the file is created with mode 0600; otherwise with the file system's defaults.
     */
    public static void writeAtomically(Path target, Content content, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        FileAttribute<?>[] attrs = ownerOnly ? ownerOnlyAttributes(dir) : new FileAttribute<?>[0];
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
            java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 65536);
            content.writeTo(out);
            out.flush();
            ch.force(true);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("temporary file already exists: " + tmp, e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Deletes {@code dir} and everything under it, best effort: what cannot be deleted (or a directory that is
     * already gone) is left as it is, without an error. For temporary directories and half-written run folders.
     */
    public static void deleteTreeQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // Best effort: a caller cleaning up has nothing better to do with what it cannot delete.
        }
    }

    /** True when the file system of {@code path} supports POSIX permissions. */
    public static boolean isPosix(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] ownerOnlyAttributes(Path near) {
        return isPosix(near)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }
}
