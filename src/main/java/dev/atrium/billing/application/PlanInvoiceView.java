package dev.atrium.billing.application;

import dev.atrium.billing.domain.PlanInvoice;
import java.time.OffsetDateTime;

/** One of the tenant's plan invoices; amounts in minor units of {@code currency}, the document at the provider. */
public record PlanInvoiceView(
        String id,
        String number,
        String status,
        String currency,
        long amountDue,
        long amountPaid,
        OffsetDateTime periodStart,
        OffsetDateTime periodEnd,
        OffsetDateTime issuedAt,
        String hostedUrl,
        String pdfUrl) {

    static PlanInvoiceView of(PlanInvoice invoice) {
        return new PlanInvoiceView(
                invoice.invoiceId(),
                invoice.number(),
                invoice.status(),
                invoice.amountDue().currency(),
                invoice.amountDue().minor(),
                invoice.amountPaid().minor(),
                invoice.periodStart(),
                invoice.periodEnd(),
                invoice.issuedAt(),
                invoice.hostedUrl(),
                invoice.pdfUrl());
    }
}
