package dev.atrium.billing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.atrium.billing.Money;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReceiptDocumentTest {

    @Test
    void anyNameRendersWhateverItsScriptOrControlCharacters() {
        byte[] pdf = ReceiptDocument.render(new ReceiptDocument.Content(
                "Écoles \u0085 Zürich \u5b66\u6821 \ud83d\ude80",
                "#d9480f",
                "help@example.org",
                42,
                OffsetDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.UTC),
                "Zoë\tO'Brien",
                "Premium (monthly) \u20ac",
                Money.of(1_990, "eur"),
                "ch_123"));

        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF"));
    }

    @Test
    void charactersTheStandardFontsCannotShowBecomeQuestionMarks() {
        assertEquals("Caf\u00e9 ?? \u20ac ", ReceiptDocument.safe("Caf\u00e9 \u5b66\u6821 \u20ac\u0085"));
    }
}
