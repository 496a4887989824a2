package dev.atrium.platform.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmSimilarityTest {

    private final Similarity similarity = new MiniLmSimilarity();

    @Test
    void aJobIsCloserToTheProfileThatMeansTheSameInOtherWordsThanToAnUnrelatedOne() {
        TextVector job = similarity.embed("Looking for someone to build our online shop and take card payments");
        TextVector developer =
                similarity.embed("E-commerce web developer: Shopify and WooCommerce stores, checkout integrations");
        TextVector tutor = similarity.embed("Patient piano teacher giving lessons to children and adult beginners");

        assertTrue(
                job.cosine(developer) > job.cosine(tutor) + 0.2,
                "shop builder " + job.cosine(developer) + " vs piano teacher " + job.cosine(tutor));
    }

    @Test
    void paraphrasesAreCloserThanSentencesSharingWordsButNotMeaning() {
        TextVector a = similarity.embed("Translate our website from English into Spanish");
        TextVector paraphrase = similarity.embed("Localise web pages into Spanish for Latin American customers");
        TextVector sameWords = similarity.embed("Our website needs a faster English-language search box");

        assertTrue(
                a.cosine(paraphrase) > a.cosine(sameWords),
                "paraphrase " + a.cosine(paraphrase) + " vs shared words " + a.cosine(sameWords));
    }

    @Test
    void vectorsAreUnitLengthWithTheModelsDimension() {
        TextVector vector = similarity.embed("Data analyst, Python and SQL dashboards");

        assertEquals(384, similarity.dimension());
        assertEquals(384, vector.dimension());
        assertEquals(1.0, vector.cosine(vector), 1e-5);
        assertEquals("all-MiniLM-L6-v2", similarity.model());
    }

    @Test
    void blankTextIsTheZeroVectorSimilarToNothing() {
        TextVector text = similarity.embed("Wedding videographer and editor");

        for (String blank : Arrays.asList("", "   \n\t", null, "\u0000\u0001", "\u200b\u00a0")) {
            TextVector vector = similarity.embed(blank);
            assertTrue(
                    vector.isZero(),
                    "blank text "
                            + (blank == null
                                    ? "null"
                                    : blank.codePoints().boxed().toList()));
            assertEquals(384, vector.dimension());
            assertEquals(0.0, vector.cosine(text));
        }
    }

    @Test
    void aBatchGivesEachTextTheVectorItGetsAloneInTheSameOrder() {
        List<String> texts = Arrays.asList(
                "Logo and brand identity designer",
                "",
                "Math tutor for high-school algebra and calculus",
                "Podcast audio editing and mixing",
                null,
                "SEO audits and content marketing plans");

        List<TextVector> batch = similarity.embedAll(texts);

        assertEquals(texts.size(), batch.size());
        for (int i = 0; i < texts.size(); i++) {
            TextVector alone = similarity.embed(texts.get(i));
            if (alone.isZero()) {
                assertTrue(batch.get(i).isZero(), "text " + i);
            } else {
                assertEquals(1.0, batch.get(i).cosine(alone), 1e-5, "text " + i);
            }
        }
        assertTrue(batch.get(0).cosine(batch.get(2)) < 0.9, "different texts keep different vectors");
    }

    @Test
    void anEmptyBatchIsEmpty() {
        assertEquals(List.of(), similarity.embedAll(List.of()));
    }

    @Test
    void onlyTheFirst128WordPiecesOfALongTextCount() {
        String beginning =
                "We need a web developer to build our online shop with a catalogue and card payments. ".repeat(10);
        List<String> texts = new ArrayList<>();
        texts.add(beginning);
        texts.add(beginning + "Also a knitting tutorial about wool, sheep farming and mountain weather. ".repeat(10));

        List<TextVector> vectors = similarity.embedAll(texts);

        assertEquals(1.0, vectors.get(0).cosine(vectors.get(1)), 1e-5, "what follows the window is not read");
    }
}
