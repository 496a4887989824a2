package dev.atrium.stack.stripe;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An invoice as a one-page PDF, written by hand (PDF 1.4, Helvetica, no library): enough for a link that opens a real
 * document in a browser or a PDF reader.
 */
final class InvoicePdf {

    private InvoicePdf() {}

    static byte[] render(JsonObject invoice) {
        return document(lines(invoice));
    }

    private static List<String> lines(JsonObject invoice) {
        String currency = Json.string(invoice, "currency");
        List<String> lines = new ArrayList<>();
        lines.add("Invoice " + orDash(Json.string(invoice, "number")));
        lines.add("");
        lines.add("Status: " + Json.string(invoice, "status"));
        lines.add("Billed to: " + orDash(Json.string(invoice, "customer_email")));
        lines.add("Date: " + Html.day(Json.amount(invoice, "created")));
        lines.add("Invoice id: " + Json.string(invoice, "id"));
        lines.add("");
        for (JsonObject line : Json.objects(Json.array(invoice.getAsJsonObject("lines"), "data"))) {
            JsonObject period = line.getAsJsonObject("period");
            lines.add(Json.string(line, "description"));
            lines.add("    " + Html.day(Json.amount(period, "start")) + " to " + Html.day(Json.amount(period, "end"))
                    + "    " + Money.format(Json.amount(line, "amount"), currency));
        }
        lines.add("");
        lines.add("Total: " + Money.format(Json.amount(invoice, "total"), currency));
        lines.add("Amount paid: " + Money.format(Json.amount(invoice, "amount_paid"), currency));
        lines.add("Amount remaining: " + Money.format(Json.amount(invoice, "amount_remaining"), currency));
        lines.add("");
        lines.add("Issued by the local Stripe (test mode). Nothing here is a real charge.");
        return lines;
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }

    private static byte[] document(List<String> lines) {
        StringBuilder text = new StringBuilder("BT /F1 12 Tf 16 TL 56 780 Td\n");
        for (String line : lines) {
            text.append('(').append(pdfString(line)).append(") Tj T*\n");
        }
        text.append("ET");
        String content = text.toString();
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
                        + " /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(offset -> table.append(String.format("%010d 00000 n \n", offset)));
        table.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    /** Text as a PDF string: ASCII only (the standard font's encoding), with its delimiters escaped. */
    private static String pdfString(String line) {
        StringBuilder escaped = new StringBuilder();
        for (char c : line.replace('×', 'x').toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                escaped.append('\\').append(c);
            } else {
                escaped.append(c >= 32 && c < 127 ? c : '?');
            }
        }
        return escaped.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
