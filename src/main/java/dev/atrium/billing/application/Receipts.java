package dev.atrium.billing.application;

import dev.atrium.billing.Money;
import dev.atrium.billing.domain.Receipt;
import dev.atrium.billing.infrastructure.ReceiptDocument;
import dev.atrium.identity.Members;
import dev.atrium.platform.errors.ResourceNotFoundException;
import dev.atrium.platform.mail.Mail;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.JpaPages;
import dev.atrium.platform.persistence.NativeQueries;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.tenancy.application.CurrentTenant;
import dev.atrium.platform.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Members' receipts: one per confirmed payment, numbered in the tenant, e-mailed to the member (the PDF attached)
 * when issued, listed for the member and drawn as a tenant-branded PDF on request.
 */
@ApplicationScoped
public class Receipts {

    public static final String MAIL_TEMPLATE = "billing-receipt";

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    CurrentTenant currentTenant;

    @Inject
    Members members;

    @Inject
    Mail mail;

    /** Issues the receipt of a payment in the running transaction (once per payment) and asks for its e-mail. */
    void issue(UUID memberId, String paymentRef, String description, Money amount, OffsetDateTime now) {
        boolean issued = !NativeQueries.rows(em, "select 1 from billing_receipt where payment_ref = ?1", paymentRef)
                .isEmpty();
        if (issued) {
            return;
        }
        long number = ((Number) NativeQueries.rows(em, "select nextval('billing_receipt_number')")
                        .get(0)[0])
                .longValue();
        Receipt receipt = Receipt.issue(number, memberId, paymentRef, description, amount, now);
        em.persist(receipt);
        members.contact(memberId)
                .filter(contact -> contact.email() != null)
                .ifPresent(contact -> mail.send(
                        contact.email(),
                        MAIL_TEMPLATE,
                        contact.locale(),
                        Map.of(
                                "name", contact.displayName(),
                                "number", Long.toString(number),
                                "description", description,
                                "amount", amount.display()),
                        null,
                        java.util.List.of(new Mail.Attachment(
                                ReceiptAttachments.KIND, receipt.id().toString()))));
    }

    @TenantTransactional
    public Page<ReceiptView> mine(PageRequest page) {
        return JpaPages.page(
                        em,
                        Receipt.class,
                        "Receipt r",
                        " where r.memberId = :member",
                        "r.issuedAt desc, r.id",
                        Map.of("member", caller()),
                        page)
                .map(ReceiptView::of);
    }

    /** A receipt's PDF: the member's own, or any to an admin. */
    @TenantTransactional
    public byte[] pdf(UUID id) {
        Receipt receipt = em.find(Receipt.class, id);
        boolean admin = currentTenant.caller().map(member -> member.isAdmin()).orElse(false);
        if (receipt == null || (!admin && !receipt.memberId().equals(caller()))) {
            throw new ResourceNotFoundException("There is no receipt " + id + ".");
        }
        return draw(receipt);
    }

    /** A receipt's PDF for its e-mail (no caller: the outbox delivers it). */
    @TenantTransactional
    public java.util.Optional<byte[]> pdfForMail(UUID id) {
        return java.util.Optional.ofNullable(em.find(Receipt.class, id)).map(this::draw);
    }

    public static String fileName(long number) {
        return "receipt-" + number + ".pdf";
    }

    private byte[] draw(Receipt receipt) {
        TenantRef tenant = currentTenant.get();
        String memberName = members.contact(receipt.memberId())
                .map(Members.MemberContact::displayName)
                .orElse(null);
        return ReceiptDocument.render(new ReceiptDocument.Content(
                tenant.branding() != null && tenant.branding().displayName() != null
                        ? tenant.branding().displayName()
                        : tenant.name(),
                tenant.branding() == null ? null : tenant.branding().primaryColor(),
                tenant.branding() == null ? null : tenant.branding().supportEmail(),
                receipt.number(),
                receipt.issuedAt(),
                memberName,
                receipt.description(),
                receipt.amount(),
                receipt.paymentRef()));
    }

    private UUID caller() {
        return currentTenant.caller().orElseThrow().memberId();
    }
}
