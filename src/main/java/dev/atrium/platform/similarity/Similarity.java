package dev.atrium.platform.similarity;

import java.util.List;

/**
 * Turns texts into vectors whose cosine says how close their meanings are. One adapter: {@link MiniLmSimilarity}.
 *
 * <p>A vector is only comparable with vectors of the same {@link #model()}: a module that stores vectors stores the
 * model's name beside them and embeds again when it changes.
 */
public interface Similarity {

    /**
     * The vector of one text. A text with nothing to read (null, or only white space, control or formatting characters)
     * gets the zero vector, which is similar to nothing.
     */
    TextVector embed(String text);

    /** The vectors of several texts, in their order; cheaper per text than one call each. */
    List<TextVector> embedAll(List<String> texts);

    /** How many values each vector has. */
    int dimension();

    /** The model's name, e.g. {@code all-MiniLM-L6-v2}, to store beside the vectors it made. */
    String model();
}
