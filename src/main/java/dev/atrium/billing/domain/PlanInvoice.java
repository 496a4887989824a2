package dev.atrium.billing.domain;

import dev.atrium.billing.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One of a tenant's invoices for its plan, as the provider last reported it. The provider keeps the document (its
 * hosted page and PDF); Atrium keeps what a tenant admin's list needs, so the list is one indexed query.
 */
@Entity
@Table(name = "plan_invoice", schema = "platform")
public class PlanInvoice {

    @Id
    @Column(name = "invoice_id")
    private String invoiceId;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    private String number;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private String currency;

    @Column(name = "amount_due", nullable = false)
    private long amountDue;

    @Column(name = "amount_paid", nullable = false)
    private long amountPaid;

    @Column(name = "period_start")
    private OffsetDateTime periodStart;

    @Column(name = "period_end")
    private OffsetDateTime periodEnd;

    @Column(name = "hosted_url")
    private String hostedUrl;

    @Column(name = "pdf_url")
    private String pdfUrl;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    @Column(name = "read_from_stripe_at")
    private OffsetDateTime readFromProviderAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected PlanInvoice() {}

    public static PlanInvoice of(
            UUID tenantId, PaymentProvider.InvoiceState state, OffsetDateTime readAt, OffsetDateTime now) {
        PlanInvoice invoice = new PlanInvoice();
        invoice.invoiceId = state.id();
        invoice.tenantId = tenantId;
        invoice.update(state, readAt, now);
        return invoice;
    }

    /**
     * Takes the invoice as the provider held it at {@code readAt} (a draft finalised, an open one paid or voided),
     * unless a fresher read was taken already.
     */
    public void update(PaymentProvider.InvoiceState state, OffsetDateTime readAt, OffsetDateTime now) {
        if (readFromProviderAt != null && readAt.isBefore(readFromProviderAt)) {
            return;
        }
        readFromProviderAt = readAt;
        number = state.number();
        status = state.status();
        currency = state.amountDue().currency();
        amountDue = state.amountDue().minor();
        amountPaid = state.amountPaid().minor();
        periodStart = at(state.periodStart());
        periodEnd = at(state.periodEnd());
        hostedUrl = state.hostedUrl();
        pdfUrl = state.pdfUrl();
        issuedAt = state.created() == null ? now : at(state.created());
        updatedAt = now;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public String invoiceId() {
        return invoiceId;
    }

    public String number() {
        return number;
    }

    public String status() {
        return status;
    }

    public Money amountDue() {
        return Money.of(amountDue, currency);
    }

    public Money amountPaid() {
        return Money.of(amountPaid, currency);
    }

    public OffsetDateTime periodStart() {
        return periodStart;
    }

    public OffsetDateTime periodEnd() {
        return periodEnd;
    }

    public String hostedUrl() {
        return hostedUrl;
    }

    public String pdfUrl() {
        return pdfUrl;
    }

    public OffsetDateTime issuedAt() {
        return issuedAt;
    }
}
