package dev.berth.ecs.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * The placement lock of a SQLite control plane: an exclusive lock on a file beside it
 * ({@code ecs.db.placement}), which other processes wait for and the kernel lets go of when the
 * holder dies. SQLite's own write lock cannot serve: a decision reads, places and books in
 * several transactions, and holding a write transaction across them would stop this process's
 * other writes. Within the JVM, one permit per file comes first, since the kernel's lock is the
 * process's and would let a second thread through.
 */
final class FilePlacementLock {
    private static final Map<Path, Semaphore> PERMITS = new ConcurrentHashMap<>();
    private static final ThreadLocal<java.util.Set<Path>> HOLDING = ThreadLocal.withInitial(java.util.HashSet::new);

    private FilePlacementLock() {
    }

    static EcsStore.Held hold(Path store) {
        Path file = store.resolveSibling(store.getFileName() + ".placement");
        if (HOLDING.get().contains(file)) return () -> { };
        Semaphore permit = PERMITS.computeIfAbsent(file, f -> new Semaphore(1));
        permit.acquireUninterruptibly();
        FileChannel channel = null;
        try {
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // Another process made it first.
                }
            }
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            HOLDING.get().add(file);
            Thread owner = Thread.currentThread();
            FileChannel held = channel;
            return EcsStore.Held.releasingOnce(() -> {
                if (Thread.currentThread() == owner) HOLDING.get().remove(file);
                try {
                    lock.release();
                    held.close();
                } catch (IOException e) {
                    // Closing the channel lets go of the lock whatever happened.
                } finally {
                    permit.release();
                }
            });
        } catch (IOException e) {
            try {
                if (channel != null) channel.close();
            } catch (IOException ignored) {
                // Nothing held.
            }
            permit.release();
            throw new EcsStoreException("Cannot place tasks in the ecs control plane " + store + ": its placement lock "
                    + file + " cannot be taken (" + e.getMessage() + ").", e);
        }
    }
}
