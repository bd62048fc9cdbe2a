package org.mfaharness.proxy.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.mfaharness.proxy.ca.Pem;

/**
 * Keep-alive HTTPS POSTs (4 KB up, 4 KB down) directly to a loopback Undertow TLS upstream, through the intercepting
 * proxy (TLS interception and HAR writing on) and through mitmdump when installed; then 1,000 concurrent proxied
 * connections, and heap-after-GC over 100,000 proxied requests. Prints figures; asserts nothing. Not a test.
 *
 * <p>System properties: {@code bench.warmup} (default 20000), {@code bench.requests} (30000),
 * {@code bench.mitm.requests} (6000), {@code bench.connections} (1000), {@code bench.memory.requests} (100000),
 * {@code bench.python.requests} (20000; the 1-connection runs with a Python client, when /usr/bin/python3 exists).
 */
public final class ProxyBenchmark {
    private static final int BODY = 4096;
    private static final List<String> SUMMARY = new ArrayList<>();

    private ProxyBenchmark() {
    }

    record Result(String name, int connections, long requests, double seconds, long p50Nanos, long p99Nanos,
                  int errors) {
        double rps() {
            return requests / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%-10s conns=%-4d requests=%-7d %9.0f req/s  p50 %7.3f ms  p99 %7.3f ms"
                    + "  errors=%d", name, connections, requests, rps(), p50Nanos / 1e6, p99Nanos / 1e6, errors);
        }
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 20_000);
        int requests = Integer.getInteger("bench.requests", 30_000);
        int mitmRequests = Integer.getInteger("bench.mitm.requests", 6_000);
        int manyConnections = Integer.getInteger("bench.connections", 1_000);
        int memoryRequests = Integer.getInteger("bench.memory.requests", 100_000);
        int pyRequests = Integer.getInteger("bench.python.requests", 20_000);
        Path dir = Files.createTempDirectory("mfa-bench");
        System.out.println("# mfa-harness proxy benchmark: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", bodies " + BODY + " B each way, HAR on, loopback only");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Dbench.har=" + System.getProperty("bench.har", "true"),
                "-Dbench.workers=" + System.getProperty("bench.workers", "64")));
        String extra = System.getProperty("bench.serverJvmArgs", "");
        if (!extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                BenchServerMain.class.getName(), dir.toString()));
        Process server = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter serverIn = new PrintWriter(new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8), true);
        try {
            String ready = awaitLine(serverOut, "READY");
            String[] f = ready.split(" ");
            int proxyPort = Integer.parseInt(f[1]);
            int upstreamPort = Integer.parseInt(f[2]);
            SSLContext trustLab = trusting(Pem.readCertificates(Path.of(f[3])));

            Result d1 = run("direct", trustLab, 0, upstreamPort, 1, warmup, requests);
            Result p1 = run("proxy", trustLab, proxyPort, upstreamPort, 1, warmup, requests);
            Result d4 = run("direct", trustLab, 0, upstreamPort, 4, warmup, requests);
            Result p4 = run("proxy", trustLab, proxyPort, upstreamPort, 4, warmup, requests);
            Result m1 = null;
            Result m4 = null;
            Process mitm = startMitmdump();
            if (mitm != null) {
                try {
                    int mitmPort = mitmPortOf(mitm);
                    SSLContext trustMitm = mitmTrust();
                    m1 = run("mitmdump", trustMitm, mitmPort, upstreamPort, 1, 2_000, mitmRequests);
                    m4 = run("mitmdump", trustMitm, mitmPort, upstreamPort, 4, 2_000, mitmRequests);
                } finally {
                    mitm.destroy();
                    mitm.waitFor(10, TimeUnit.SECONDS);
                }
            } else {
                System.out.println("mitmdump not installed: skipped");
            }

            Result py1 = null;
            Result pyProxy1 = null;
            Path python = Path.of("/usr/bin/python3");
            if (Files.isExecutable(python)) {
                Path script = dir.resolve("keepalive_client.py");
                try (var in = ProxyBenchmark.class.getResourceAsStream("/bench/keepalive_client.py")) {
                    Files.copy(in, script);
                }
                py1 = python("direct-py", python, script, f[3], 0, upstreamPort, pyRequests);
                pyProxy1 = py1 == null ? null : python("proxy-py", python, script, f[3], proxyPort, upstreamPort, pyRequests);
            } else {
                System.out.println("python3 not installed: the Python-client runs are skipped");
            }

            System.out.println();
            System.out.println("## throughput and latency");
            for (Result r : List.of(d1, p1, d4, p4)) {
                System.out.println(r.line());
            }
            if (m1 != null) {
                System.out.println(m1.line());
                System.out.println(m4.line());
            }
            System.out.println(String.format(Locale.ROOT, "ratio proxy/direct, 1 conn: throughput %.2f, p50 %.2f",
                    p1.rps() / d1.rps(), (double) p1.p50Nanos() / d1.p50Nanos()));
            System.out.println(String.format(Locale.ROOT, "ratio proxy/direct, 4 conns: throughput %.2f, p50 %.2f",
                    p4.rps() / d4.rps(), (double) p4.p50Nanos() / d4.p50Nanos()));
            target("1 conn: proxy p50 <= 2x direct p50 (Java client)", (double) p1.p50Nanos() / d1.p50Nanos() <= 2.0,
                    String.format(Locale.ROOT, "%.2fx", (double) p1.p50Nanos() / d1.p50Nanos()));
            if (pyProxy1 != null) {
                System.out.println(py1.line());
                System.out.println(pyProxy1.line());
                double ratio = (double) pyProxy1.p50Nanos() / py1.p50Nanos();
                System.out.println(String.format(Locale.ROOT, "ratio proxy/direct, 1 conn, Python client: throughput %.2f, "
                        + "p50 %.2f", pyProxy1.rps() / py1.rps(), ratio));
                target("1 conn: proxy p50 <= 2x direct p50 (Python client, the issue's setup)", ratio <= 2.0,
                        String.format(Locale.ROOT, "%.2fx", ratio));
            }
            if (m4 != null) {
                System.out.println(String.format(Locale.ROOT, "ratio proxy/mitmdump: 1 conn %.2f, 4 conns %.2f",
                        p1.rps() / m1.rps(), p4.rps() / m4.rps()));
                target("4 conns: proxy >= 3x mitmdump throughput", p4.rps() >= 3 * m4.rps(),
                        String.format(Locale.ROOT, "%.2fx", p4.rps() / m4.rps()));
            }

            System.out.println();
            System.out.println("## " + manyConnections + " concurrent connections through the proxy");
            Result many = manyConnections(trustLab, proxyPort, upstreamPort, manyConnections, 10);
            System.out.println(many.line());
            target(manyConnections + " concurrent connections without errors", many.errors() == 0,
                    many.errors() + " errors");

            System.out.println();
            System.out.println("## heap after GC over " + memoryRequests + " proxied requests (4 connections)");
            List<Long> heaps = new ArrayList<>();
            heaps.add(heapAfterGc(serverIn, serverOut, "before"));
            int step = memoryRequests / 10;
            for (int i = 1; i <= 10; i++) {
                run("proxy", trustLab, proxyPort, upstreamPort, 4, 0, step);
                heaps.add(heapAfterGc(serverIn, serverOut, (i * step) + " requests"));
            }
            long first = heaps.get(1);
            long last = heaps.get(heaps.size() - 1);
            long max = heaps.subList(1, heaps.size()).stream().max(Comparator.naturalOrder()).orElse(0L);
            target("heap flat over " + memoryRequests + " requests", last <= first * 1.5 + 8_000_000,
                    String.format(Locale.ROOT, "after first step %.1f MB, last %.1f MB, max %.1f MB", first / 1e6,
                            last / 1e6, max / 1e6));
            serverIn.println("stats");
            System.out.println("server " + awaitLine(serverOut, "STATS") + " (upstream connections opened, exchanges dropped)");

            System.out.println();
            System.out.println("## targets");
            SUMMARY.forEach(System.out::println);
            serverIn.println("quit");
            awaitLine(serverOut, "BYE");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            deleteTree(dir);
        }
    }

    private static void target(String what, boolean met, String figure) {
        SUMMARY.add((met ? "MET     " : "MISSED  ") + what + ": " + figure);
    }

    private static Result run(String name, SSLContext tls, int proxyPort, int upstreamPort, int conns, int warmup,
                              int requests) throws Exception {
        byte[] body = BenchConnection.body(BODY, 'q');
        CyclicBarrier start = new CyclicBarrier(conns + 1);
        CyclicBarrier end = new CyclicBarrier(conns + 1);
        long[][] latencies = new long[conns][];
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        int per = requests / conns;
        int warmPer = warmup / conns;
        for (int c = 0; c < conns; c++) {
            int idx = c;
            Thread t = new Thread(() -> {
                long[] lat = new long[per];
                latencies[idx] = lat;
                try (BenchConnection conn = new BenchConnection(tls, proxyPort, upstreamPort, body)) {
                    for (int i = 0; i < warmPer; i++) {
                        conn.roundTrip();
                    }
                    start.await();
                    for (int i = 0; i < per; i++) {
                        long t0 = System.nanoTime();
                        conn.roundTrip();
                        lat[i] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    failure.compareAndSet(null, e);
                    start.reset();
                } finally {
                    try {
                        end.await(120, TimeUnit.SECONDS);
                    } catch (Exception ignored) {
                        // reported through errors
                    }
                }
            }, "bench-" + name + "-" + c);
            t.start();
            threads.add(t);
        }
        start.await(600, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        end.await(600, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            System.out.println(name + ": error " + failure.get());
        }
        long[] all = Arrays.stream(latencies).filter(a -> a != null).flatMapToLong(Arrays::stream).sorted().toArray();
        Result r = new Result(name, conns, (long) per * conns, seconds, percentile(all, 0.50), percentile(all, 0.99),
                errors.get());
        System.out.println(r.line());
        return r;
    }

    /**
     * One connection driven by {@code keepalive_client.py} (the issue measured its reference figures with a Python
     * keep-alive client): a short warm-up of the proxy path, then {@code requests} timed round trips.
     */
    private static Result python(String name, Path python, Path script, String caPem, int proxyPort, int upstreamPort,
                                 int requests) throws Exception {
        Path output = script.resolveSibling(name + ".out");
        Process p = new ProcessBuilder(python.toString(), script.toString(), caPem, Integer.toString(upstreamPort),
                Integer.toString(proxyPort), Integer.toString(BODY), "2000", Integer.toString(requests))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = p.waitFor(600, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        if (!finished || !out.contains("RESULT ")) {
            System.out.println(name + ": the Python client failed" + (finished ? ": " : " (timed out): ") + out.strip());
            return null;
        }
        String[] v = out.substring(out.indexOf("RESULT ")).strip().split("\\s+");
        Result r = new Result(name, 1, Long.parseLong(v[1]), Double.parseDouble(v[2]), Long.parseLong(v[3]),
                Long.parseLong(v[4]), Integer.parseInt(v[5]));
        System.out.println(r.line());
        return r;
    }

    private static Result manyConnections(SSLContext tls, int proxyPort, int upstreamPort, int conns, int each)
            throws Exception {
        byte[] body = BenchConnection.body(BODY, 'm');
        CyclicBarrier allOpen = new CyclicBarrier(conns + 1);
        CyclicBarrier allDone = new CyclicBarrier(conns + 1);
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] lat = new long[conns * each];
        List<Thread> threads = new ArrayList<>();
        long open0 = System.nanoTime();
        for (int c = 0; c < conns; c++) {
            int idx = c;
            Thread t = new Thread(null, () -> {
                BenchConnection conn = null;
                try {
                    conn = new BenchConnection(tls, proxyPort, upstreamPort, body);
                } catch (Exception e) {
                    errors.incrementAndGet();
                    failure.compareAndSet(null, e);
                }
                try {
                    allOpen.await(300, TimeUnit.SECONDS);
                    if (conn != null) {
                        for (int i = 0; i < each; i++) {
                            long t0 = System.nanoTime();
                            conn.roundTrip();
                            lat[idx * each + i] = System.nanoTime() - t0;
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    failure.compareAndSet(null, e);
                }
                try {
                    allDone.await(300, TimeUnit.SECONDS); // every connection stays open until all are done
                } catch (Exception ignored) {
                    // counted above
                }
                if (conn != null) {
                    conn.close();
                }
            }, "bench-many-" + c, 256 * 1024);
            t.start();
            threads.add(t);
        }
        allOpen.await(300, TimeUnit.SECONDS);
        double openSeconds = (System.nanoTime() - open0) / 1e9;
        long t0 = System.nanoTime();
        allDone.await(300, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (Thread t : threads) {
            t.join();
        }
        System.out.println(String.format(Locale.ROOT, "%d connections opened (CONNECT + TLS) in %.2f s, all held open",
                conns, openSeconds));
        if (failure.get() != null) {
            System.out.println("first error: " + failure.get());
        }
        long[] sorted = Arrays.stream(lat).filter(v -> v > 0).sorted().toArray();
        return new Result("proxy", conns, sorted.length, seconds, percentile(sorted, 0.5), percentile(sorted, 0.99),
                errors.get());
    }

    private static long heapAfterGc(PrintWriter in, BufferedReader out, String label) throws IOException {
        in.println("gc");
        String line = awaitLine(out, "HEAP");
        String[] f = line.split(" ");
        long heap = Long.parseLong(f[1]);
        System.out.println(String.format(Locale.ROOT, "%-18s heap after GC %7.1f MB   HAR %8.1f MB", label, heap / 1e6,
                Long.parseLong(f[3]) / 1e6));
        return heap;
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * (sorted.length - 1)))];
    }

    private static String awaitLine(BufferedReader r, String prefix) throws IOException {
        String l;
        while ((l = r.readLine()) != null) {
            if (l.startsWith(prefix)) {
                return l;
            }
            System.out.println("server: " + l);
        }
        throw new IOException("server ended before " + prefix);
    }

    private static SSLContext trusting(List<X509Certificate> cas) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(Pem.trustStore(cas));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static int mitmPort;

    private static Process startMitmdump() throws Exception {
        Path exe = Path.of("/usr/bin/mitmdump");
        if (!Files.isExecutable(exe)) {
            return null;
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            mitmPort = s.getLocalPort();
        }
        Process p = new ProcessBuilder(exe.toString(), "--listen-host", "127.0.0.1", "-p", Integer.toString(mitmPort),
                "--ssl-insecure", "-q").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), mitmPort)) {
                probe.setSoLinger(false, 0);
                return p;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        p.destroy();
        System.out.println("mitmdump did not start listening: skipped");
        return null;
    }

    private static int mitmPortOf(Process p) {
        return mitmPort;
    }

    /** mitmdump's own CA from ~/.mitmproxy when present; otherwise trust-all, for mitmdump only. */
    private static SSLContext mitmTrust() throws Exception {
        Path ca = Path.of(System.getProperty("user.home"), ".mitmproxy", "mitmproxy-ca-cert.pem");
        if (Files.isRegularFile(ca)) {
            return trusting(Pem.readCertificates(ca));
        }
        System.out.println("mitmdump CA not found: the client trusts any certificate for mitmdump only");
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
