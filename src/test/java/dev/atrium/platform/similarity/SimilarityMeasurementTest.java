package dev.atrium.platform.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figures in docs/platform-services.md: the model's load time and memory, and the latency of one text and of a
 * batch of 32. Not part of the normal run (it takes half a minute and its figures depend on the machine); it must run
 * alone, in a JVM that has not loaded the model yet:
 * {@code ./mvnw -o test -Dtest=SimilarityMeasurementTest -Datrium.measure=similarity}. Writes
 * {@code target/similarity-measurement.md}.
 */
@EnabledIfSystemProperty(named = "atrium.measure", matches = "similarity")
class SimilarityMeasurementTest {

    private static final int TEXTS = 320;
    private static final int BATCH = 32;
    private static final int ROUNDS = 3;

    @Test
    void measureLoadMemoryAndLatency() throws IOException {
        List<String> texts = marketplaceLikeTexts(new Random(11));
        Similarity similarity = new MiniLmSimilarity();
        long heapBefore = usedHeapAfterGc();
        long offHeapBefore = residentOutsideHeap();

        long start = System.nanoTime();
        similarity.embed("warm-up: loads the model");
        double loadMillis = (System.nanoTime() - start) / 1e6;
        long heapLoaded = usedHeapAfterGc();
        long offHeapLoaded = residentOutsideHeap();

        for (int i = 0; i < 50; i++) {
            similarity.embed(texts.get(i));
        }
        List<Double> single = new ArrayList<>();
        List<Double> batches = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (String text : texts) {
                long t = System.nanoTime();
                similarity.embed(text);
                single.add((System.nanoTime() - t) / 1e6);
            }
            for (int from = 0; from < TEXTS; from += BATCH) {
                long t = System.nanoTime();
                List<TextVector> vectors = similarity.embedAll(texts.subList(from, from + BATCH));
                batches.add((System.nanoTime() - t) / 1e6);
                assertEquals(BATCH, vectors.size());
            }
        }
        usedHeapAfterGc();
        long offHeapAfter = residentOutsideHeap();
        double rankingMillis = cosineOf10000(similarity.embed(texts.get(0)), new Random(5));

        String report = String.join(
                "\n",
                "# Similarity measurement (" + similarity.model() + ", "
                        + Runtime.getRuntime().availableProcessors() + " cores, Java "
                        + System.getProperty("java.version") + ")",
                "",
                "| figure | value |",
                "|---|---|",
                "| first call (loads the model) | " + round(loadMillis) + " ms |",
                "| one text, p50 / p90 (" + single.size() + " calls, " + averageWords(texts) + " words on average) | "
                        + round(percentile(single, 50)) + " / " + round(percentile(single, 90)) + " ms |",
                "| batch of " + BATCH + ", p50 / p90 (" + batches.size() + " batches) | "
                        + round(percentile(batches, 50)) + " / " + round(percentile(batches, 90)) + " ms ("
                        + round(percentile(batches, 50) / BATCH) + " ms a text) |",
                "| cosine of one vector with 10,000 stored ones, p50 | " + round(rankingMillis) + " ms |",
                "| Java heap taken by the loaded model (after GC) | " + mebibytes(heapLoaded - heapBefore) + " |",
                "| resident memory outside the Java heap: before, loaded, after the runs | "
                        + mebibytes(offHeapBefore) + ", " + mebibytes(offHeapLoaded) + ", " + mebibytes(offHeapAfter)
                        + " |",
                "");
        Files.writeString(Path.of("target", "similarity-measurement.md"), report);
        System.out.println(report);
    }

    /** What ranking candidates in Java costs: one query against 10,000 vectors, median of 50 rounds. */
    private static double cosineOf10000(TextVector query, Random random) {
        List<TextVector> stored = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            stored.add(TextVectorTest.randomUnitVector(query.dimension(), random));
        }
        List<Double> rounds = new ArrayList<>();
        double checksum = 0;
        for (int round = 0; round < 50; round++) {
            long t = System.nanoTime();
            for (TextVector vector : stored) {
                checksum += query.cosine(vector);
            }
            rounds.add((System.nanoTime() - t) / 1e6);
        }
        assertEquals(false, Double.isNaN(checksum));
        return percentile(rounds, 50);
    }

    /** Job- and profile-like texts of 15 to 60 words, so that the latency is that of the texts modules embed. */
    private static List<String> marketplaceLikeTexts(Random random) {
        String[] words = ("we need an experienced developer designer writer translator tutor editor analyst to build "
                        + "redesign write translate teach edit analyse our online shop website mobile app brand logo "
                        + "newsletter blog articles product descriptions videos podcast dashboards reports courses "
                        + "lessons for students customers schools agencies with Shopify React Python SQL Figma "
                        + "Premiere Spanish German French maths physics SEO campaigns budget deadline weeks remote")
                .split(" ");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < TEXTS; i++) {
            int length = 15 + random.nextInt(46);
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < length; w++) {
                text.append(words[random.nextInt(words.length)]).append(w % 12 == 11 ? ". " : " ");
            }
            texts.add(text.toString().trim());
        }
        return texts;
    }

    private static int averageWords(List<String> texts) {
        return (int) texts.stream()
                .mapToInt(text -> text.split("\\s+").length)
                .average()
                .orElse(0);
    }

    private static double percentile(List<Double> values, int percentile) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The process's resident set (Linux) less the heap the JVM has committed: ONNX Runtime's native copy of the weights
     * and its working memory, the tokenizer, classes and compiled code. The heap is left out because its committed size
     * follows the garbage collector, not the model (the model file passes through it once while loading).
     */
    private static long residentOutsideHeap() throws IOException {
        long committedHeap =
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024 - committedHeap;
            }
        }
        throw new IllegalStateException("No VmRSS in /proc/self/status");
    }

    private static String mebibytes(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0) + " MiB";
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
