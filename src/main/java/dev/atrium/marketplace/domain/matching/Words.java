package dev.atrium.marketplace.domain.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Texts as words, for the keyword baseline and for skills a professional names without tagging them. */
final class Words {

    /** Common English words that say nothing about a job or a skill. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
            "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
            "does", "doing", "don", "down", "during", "each", "every", "few", "for", "from", "further", "get", "had",
            "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is",
            "it", "its", "just", "let", "like", "ll", "m", "make", "me", "more", "most", "much", "my", "need", "needs",
            "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or", "other", "our", "ours", "out",
            "over", "own", "re", "s", "same", "she", "should", "so", "some", "such", "t", "than", "that", "the",
            "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
            "until", "up", "us", "ve", "very", "want", "was", "we", "were", "what", "when", "where", "which", "while",
            "who", "whom", "why", "will", "with", "would", "you", "your", "yours");

    private Words() {}

    /** Lower-cased runs of letters and digits, in order. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /**
     * The tokens that carry meaning: stop words dropped and a plural "s" taken off ("stores" and "store" are one term),
     * which is as much stemming as a keyword search does without a dictionary.
     */
    static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        for (String token : tokens(text)) {
            if (!STOP_WORDS.contains(token)) {
                terms.add(singular(token));
            }
        }
        return terms;
    }

    private static String singular(String token) {
        boolean plural = token.length() > 3 && token.endsWith("s") && !token.endsWith("ss");
        return plural ? token.substring(0, token.length() - 1) : token;
    }
}
