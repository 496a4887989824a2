package dev.atrium.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs a request many times from concurrent clients and reports throughput and latency percentiles, for the
 * benchmarks (never for tests: they do not time anything). Each client sends its next request as soon as the previous
 * one is answered; every answer must be 200.
 */
public final class LoadRuns {

    private LoadRuns() {}

    /** What one run measured: latency percentiles (ms) and throughput (requests per second). */
    public record Figures(int clients, int requests, double p50, double p99, double throughput) {

        public String row() {
            return "%d | %.2f | %.2f | %,.0f".formatted(clients, p50, p99, throughput);
        }
    }

    /** Warms up with {@code requests / 5} calls, then measures {@code requests} calls from {@code clients} clients. */
    public static Figures run(IntFunction<Api.Reply> request, int clients, int requests) throws Exception {
        measure(request, clients, Math.max(clients, requests / 5));
        return measure(request, clients, requests);
    }

    private static Figures measure(IntFunction<Api.Reply> request, int clients, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<Future<List<Double>>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                List<Double> millis = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    Api.Reply reply = request.apply(i);
                    millis.add((System.nanoTime() - sent) / 1e6);
                    if (reply.status() != 200) {
                        throw new IllegalStateException("Benchmark request failed: " + reply);
                    }
                }
                return millis;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> worker : workers) {
            all.addAll(worker.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        return new Figures(clients, requests, at(all, 50), at(all, 99), requests / seconds);
    }

    private static double at(List<Double> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
    }
}
