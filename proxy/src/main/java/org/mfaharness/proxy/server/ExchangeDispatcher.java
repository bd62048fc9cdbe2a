package org.mfaharness.proxy.server;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.mfaharness.proxy.exchange.ContentDecoding;
import org.mfaharness.proxy.exchange.Exchange;
import org.mfaharness.proxy.exchange.ExchangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes completed exchanges from request threads (a non-blocking offer into a bounded queue) and, on one delivery
 * thread, decodes content coding, redacts, and calls the listeners (secrets removed) and the HAR writer (secrets
 * removed and, in share mode, signatures stripped). When the queue is full an exchange is dropped and counted rather
 * than blocking the proxy.
 */
public final class ExchangeDispatcher implements ExchangeSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeDispatcher.class);
    public static final int QUEUE_CAPACITY = 65_536;
    /** Nap between batches while busy: the longest an exchange waits for delivery. */
    static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Quiet time after which the delivery thread blocks instead of napping. */
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final List<ExchangeListener> listeners;
    private final ExchangeListener har;
    private final UnaryOperator<Exchange> redactor;
    private final UnaryOperator<Exchange> harRedactor;
    private final int captureLimit;
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    /** Exchanges taken into the queue, and those whose delivery ended (delivered or failed): idle when equal. */
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final Object stopToken = new Object();
    private volatile boolean closed;

    /**
     * @param har         the HAR writer, or null
     * @param redactor    what {@code listeners} receive: secrets removed
     * @param harRedactor what the HAR receives (the same operator unless share mode strips more)
     */
    public ExchangeDispatcher(List<ExchangeListener> listeners, ExchangeListener har, UnaryOperator<Exchange> redactor,
                              UnaryOperator<Exchange> harRedactor, int captureLimit) {
        this.listeners = List.copyOf(listeners);
        this.har = har;
        this.redactor = redactor;
        this.harRedactor = harRedactor;
        this.captureLimit = captureLimit;
        this.thread = new Thread(this::run, "mfa-harness-exchanges");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void accept(Exchange exchange) {
        // Counted before the offer, so a flush never sees an exchange that is queued but not yet counted.
        accepted.incrementAndGet();
        if (closed || !queue.offer(exchange)) {
            accepted.decrementAndGet();
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("exchange delivery queue full or closed: {} exchange(s) dropped", n);
            }
        }
    }

    public long dropped() {
        return dropped.get();
    }

    /** Waits until every exchange accepted so far has been delivered (bounded by {@code timeoutMillis}). */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long target = accepted.get();
        while (done.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /**
     * Drains the queue in batches. While exchanges keep coming the thread naps {@link #LINGER_NANOS} between
     * batches instead of waiting on the queue, so a request thread's offer never has to wake it (on a 2-core
     * machine those wake-ups cost more than the delivery itself); after {@link #IDLE_NANOS} without exchanges it
     * blocks on the queue until the next one.
     */
    private void run() {
        List<Object> batch = new java.util.ArrayList<>(256);
        long lastWork = System.nanoTime();
        while (true) {
            queue.drainTo(batch, 256);
            if (batch.isEmpty()) {
                if (System.nanoTime() - lastWork < IDLE_NANOS) {
                    java.util.concurrent.locks.LockSupport.parkNanos(LINGER_NANOS);
                    continue;
                }
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                for (Object o : batch) {
                    if (o == stopToken) {
                        return;
                    }
                    try {
                        deliver((Exchange) o);
                    } finally {
                        done.incrementAndGet();
                    }
                }
            } finally {
                batch.clear();
                lastWork = System.nanoTime();
            }
        }
    }

    private void deliver(Exchange raw) {
        if (listeners.isEmpty() && har == null) {
            return;
        }
        Exchange decoded = ContentDecoding.decodeResponse(raw, captureLimit);
        Exchange redacted;
        Exchange forHar;
        try {
            redacted = listeners.isEmpty() ? null : redactor.apply(decoded);
            forHar = har == null ? null : harRedactor == redactor && redacted != null ? redacted : harRedactor.apply(decoded);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("redaction failed; exchange {} not delivered to listeners or the HAR: {}", raw.sequence(), e.toString());
            return;
        }
        for (ExchangeListener l : listeners) {
            call(l, redacted);
        }
        if (har != null) {
            call(har, forHar);
        }
    }

    private static void call(ExchangeListener l, Exchange e) {
        try {
            l.onExchange(e);
        } catch (RuntimeException | StackOverflowError ex) {
            // A listener's failure must not stop delivery of the exchanges that follow.
            LOG.warn("exchange listener {} failed: {}", l.getClass().getName(), ex.toString());
        }
    }

    /** Delivers what is queued, then stops the delivery thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(stopToken);
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
