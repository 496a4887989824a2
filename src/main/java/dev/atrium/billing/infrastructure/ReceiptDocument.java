package dev.atrium.billing.infrastructure;

import dev.atrium.billing.Money;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.apache.pdfbox.pdmodel.font.encoding.WinAnsiEncoding;

/**
 * A receipt as a one-page PDF in the tenant's colours and name, drawn with PDFBox and its standard fonts (WinAnsi: a
 * character those fonts cannot show is replaced, never an error).
 */
public final class ReceiptDocument {

    /** What a receipt shows. @param brandColor the tenant's primary colour ({@code #rrggbb}), or null */
    public record Content(
            String tenantName,
            String brandColor,
            String supportEmail,
            long number,
            OffsetDateTime issuedAt,
            String memberName,
            String description,
            Money amount,
            String paymentRef) {}

    private ReceiptDocument() {}

    public static byte[] render(Content receipt) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Receipt " + receipt.number() + " - " + receipt.tenantName());
            info.setAuthor(receipt.tenantName());
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            float width = page.getMediaBox().getWidth();
            float top = page.getMediaBox().getHeight();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(color(receipt.brandColor()));
                content.addRect(0, top - 90, width, 90);
                content.fill();
                text(content, bold, 22, Color.WHITE, 50, top - 55, receipt.tenantName());
                float y = top - 140;
                text(content, bold, 18, Color.BLACK, 50, y, "Receipt");
                y -= 30;
                y = row(content, regular, bold, y, "Receipt number", Long.toString(receipt.number()));
                y = row(
                        content,
                        regular,
                        bold,
                        y,
                        "Date",
                        DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
                                .format(receipt.issuedAt()));
                y = row(
                        content,
                        regular,
                        bold,
                        y,
                        "Billed to",
                        receipt.memberName() == null ? "-" : receipt.memberName());
                y = row(content, regular, bold, y, "Payment reference", receipt.paymentRef());
                y -= 20;
                content.setStrokingColor(Color.LIGHT_GRAY);
                content.moveTo(50, y);
                content.lineTo(width - 50, y);
                content.stroke();
                y -= 25;
                text(content, regular, 12, Color.BLACK, 50, y, receipt.description());
                String amount = receipt.amount().display();
                text(
                        content,
                        bold,
                        12,
                        Color.BLACK,
                        width - 50 - bold.getStringWidth(safe(amount)) / 1000 * 12,
                        y,
                        amount);
                y -= 30;
                text(content, bold, 12, Color.BLACK, 50, y, "Paid");
                text(
                        content,
                        bold,
                        12,
                        Color.BLACK,
                        width - 50 - bold.getStringWidth(safe(amount)) / 1000 * 12,
                        y,
                        amount);
                if (receipt.supportEmail() != null) {
                    text(
                            content,
                            regular,
                            9,
                            Color.GRAY,
                            50,
                            60,
                            "Questions about this payment: " + receipt.supportEmail());
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException failed) {
            throw new UncheckedIOException("Could not draw receipt " + receipt.number(), failed);
        }
    }

    private static float row(
            PDPageContentStream content, PDType1Font regular, PDType1Font bold, float y, String label, String value)
            throws IOException {
        text(content, regular, 11, Color.DARK_GRAY, 50, y, label);
        text(content, bold, 11, Color.BLACK, 200, y, value);
        return y - 20;
    }

    private static void text(
            PDPageContentStream content, PDType1Font font, float size, Color color, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, y);
        content.showText(safe(text));
        content.endText();
    }

    /**
     * The standard fonts show WinAnsi only: a character they cannot encode becomes '?' (and a control character a
     * space), so a name in any script still renders rather than failing the receipt.
     */
    static String safe(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            String character = new String(Character.toChars(point));
            if (point < 0x20 || (point >= 0x7F && point < 0xA0)) {
                shown.append(' ');
            } else if (WinAnsiEncoding.INSTANCE.contains(
                    GlyphList.getAdobeGlyphList().codePointToName(point))) {
                shown.append(character);
            } else {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    private static Color color(String hex) {
        if (hex != null && hex.matches("#[0-9a-fA-F]{6}")) {
            return new Color(Integer.parseInt(hex.substring(1), 16));
        }
        return new Color(0x1f2328);
    }
}
