package dev.atrium.billing.application;

import dev.atrium.platform.mail.MailAttachments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;

/** A receipt's PDF attached to its e-mail, drawn when the e-mail is sent. */
@ApplicationScoped
public class ReceiptAttachments implements MailAttachments {

    static final String KIND = "billing-receipt";

    @Inject
    Receipts receipts;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<File> draw(String ref) {
        UUID id = UUID.fromString(ref);
        return receipts.pdfForMail(id).map(pdf -> new File("receipt.pdf", "application/pdf", pdf));
    }
}
