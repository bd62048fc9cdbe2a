package org.mfaharness.proxy.har;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.exchange.ExchangeListener;
import org.mfaharness.proxy.files.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes exchanges to a HAR 1.2 file that is complete and valid after every write.
 *
 * <p>The file (mode 0600) starts as an empty HAR. Exchanges are queued by {@link #onExchange} (which never does
 * I/O) and written by one writer thread in batches: each batch is serialised, followed by the closing trailer
 * {@code ]}}}, and written with one positional write starting where the previous trailer began. The file is thus
 * never rewritten, and a process killed at any moment (even SIGKILL) leaves a valid HAR holding every batch written
 * before. Data reaches the disk (fsync) at most {@link #DEFAULT_SYNC_INTERVAL} after a write and on {@link #close}.
 *
 * <p>Thread-safe.
 */
public final class HarWriter implements ExchangeListener, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(HarWriter.class);
    /** How often written data is forced to disk while entries keep coming. */
    public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(1);
    /** Entries queued beyond this wait (the caller is the proxy's delivery thread, never a request thread). */
    public static final int QUEUE_CAPACITY = 16_384;
    private static final int MAX_BATCH = 512;
    private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final byte[] TRAILER = "\n]}}\n".getBytes(StandardCharsets.US_ASCII);
    private static final Object FLUSH = new Object();
    private static final Object STOP = new Object();

    private final Path path;
    private final FileChannel channel;
    private final JsonFactory json = new JsonFactory();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private final Object flushLock = new Object();
    private final long syncIntervalNanos;
    private long flushesRequested;
    private long flushesDone;
    private long end;
    private boolean dirty;
    private long lastSync = System.nanoTime();
    private volatile IOException failure;
    private volatile boolean closed;

    private HarWriter(Path path, String creatorName, String creatorVersion, Duration syncInterval) throws IOException {
        this.path = path;
        this.syncIntervalNanos = syncInterval.toNanos();
        this.channel = PrivateFiles.createOwnerOnly(path);
        com.fasterxml.jackson.core.io.JsonStringEncoder esc = com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();
        byte[] h = ("{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\""
                + new String(esc.quoteAsString(creatorName)) + "\",\"version\":\""
                + new String(esc.quoteAsString(creatorVersion)) + "\"},\"pages\":[],\"entries\":[")
                .getBytes(StandardCharsets.UTF_8);
        int cut = h.length;
        ByteBuffer b = ByteBuffer.allocate(cut + TRAILER.length);
        b.put(h, 0, cut).put(TRAILER).flip();
        writeFully(b, 0);
        channel.force(true);
        this.end = cut;
        this.writer = new Thread(this::run, "mfa-harness-har-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Creates (or replaces) {@code path} as an empty HAR with mode 0600 and starts the writer thread. */
    public static HarWriter create(Path path, String creatorName, String creatorVersion) throws IOException {
        return new HarWriter(path, creatorName, creatorVersion, DEFAULT_SYNC_INTERVAL);
    }

    public Path path() {
        return path;
    }

    /** Entries written to the file so far. */
    public long writtenEntries() {
        return written.get();
    }

    /** Queues an exchange; waits only when {@link #QUEUE_CAPACITY} entries are already queued. */
    @Override
    public void onExchange(Exchange exchange) {
        if (closed) {
            LOG.warn("HAR writer closed: exchange {} not written", exchange.sequence());
            return;
        }
        try {
            queue.put(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until every exchange queued before this call is in the file. */
    public void flush() throws IOException {
        long ticket;
        synchronized (flushLock) {
            ticket = ++flushesRequested;
        }
        try {
            queue.put(FLUSH);
            synchronized (flushLock) {
                while (flushesDone < ticket && writer.isAlive()) {
                    flushLock.wait(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void run() {
        List<Object> batch = new ArrayList<>(MAX_BATCH);
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
        boolean stop = false;
        long lastWork = System.nanoTime();
        while (!stop) {
            queue.drainTo(batch, MAX_BATCH);
            if (batch.isEmpty()) {
                // Nap rather than wait on the queue while entries keep coming: producers then never pay a wake-up.
                if (System.nanoTime() - lastWork < IDLE_NANOS) {
                    java.util.concurrent.locks.LockSupport.parkNanos(LINGER_NANOS);
                    continue;
                }
                Object first;
                try {
                    first = queue.poll(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    break;
                }
                if (first == null) {
                    syncIfDue(true);
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
            }
            lastWork = System.nanoTime();
            int flushes = 0;
            buf.reset();
            long entries = 0;
            try (JsonGenerator g = json.createGenerator(buf, JsonEncoding.UTF8)) {
                for (Object o : batch) {
                    if (o == FLUSH) {
                        flushes++;
                    } else if (o == STOP) {
                        stop = true;
                    } else if (o instanceof Exchange e) {
                        g.writeRaw(written.get() + entries == 0 ? "\n" : ",\n");
                        HarCodec.write(g, e);
                        entries++;
                    }
                }
                g.flush();
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot serialise HAR entries: {}", e.toString());
            }
            batch.clear();
            if (buf.size() > 0 && failure == null) {
                byte[] data = buf.toByteArray();
                ByteBuffer b = ByteBuffer.allocate(data.length + TRAILER.length);
                b.put(data).put(TRAILER).flip();
                try {
                    writeFully(b, end);
                    end += data.length;
                    written.addAndGet(entries);
                    dirty = true;
                    syncIfDue(false);
                } catch (IOException e) {
                    failure = e;
                    LOG.error("cannot write HAR file {}: {}", path, e.toString());
                }
            }
            if (flushes > 0 || stop) {
                syncIfDue(true);
                synchronized (flushLock) {
                    flushesDone += flushes;
                    flushLock.notifyAll();
                }
            }
        }
        syncIfDue(true);
        synchronized (flushLock) {
            flushesDone = flushesRequested;
            flushLock.notifyAll();
        }
    }

    private void syncIfDue(boolean force) {
        if (!dirty) {
            return;
        }
        long now = System.nanoTime();
        if (force || now - lastSync >= syncIntervalNanos) {
            try {
                channel.force(false);
                dirty = false;
                lastSync = now;
            } catch (IOException e) {
                LOG.warn("cannot sync HAR file {}: {}", path, e.toString());
            }
        }
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            p += channel.write(b, p);
        }
    }

    /** Writes everything queued, syncs, and closes the file. Idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            queue.put(STOP);
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
        if (failure != null) {
            throw failure;
        }
    }
}
