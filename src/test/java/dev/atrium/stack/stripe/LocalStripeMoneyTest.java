package dev.atrium.stack.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Account;
import com.stripe.model.ApplicationFee;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.Transfer;
import com.stripe.model.TransferReversal;
import com.stripe.model.checkout.Session;
import com.stripe.param.ApplicationFeeListParams;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.ChargeListParams;
import com.stripe.param.DisputeUpdateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.TransferListParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Money on the platform's balance: charges, refunds, destination charges, transfers, disputes. */
class LocalStripeMoneyTest extends StripeTestBench {

    private PaymentIntent paid(long amount) throws Exception {
        return client.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(amount)
                        .setCurrency("usd")
                        .setPaymentMethod("pm_card_visa")
                        .setConfirm(true)
                        .putMetadata("order", "o-1")
                        .build());
    }

    private PaymentIntent paidTo(Account account, long amount, long fee) throws Exception {
        return client.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(amount)
                        .setCurrency("usd")
                        .setPaymentMethod("pm_card_visa")
                        .setConfirm(true)
                        .setApplicationFeeAmount(fee)
                        .setTransferData(PaymentIntentCreateParams.TransferData.builder()
                                .setDestination(account.getId())
                                .build())
                        .build());
    }

    private List<BalanceTransaction> balanceTransactions() throws Exception {
        List<BalanceTransaction> all = new ArrayList<>();
        client.v1()
                .balanceTransactions()
                .list(BalanceTransactionListParams.builder().setLimit(3L).build())
                .autoPagingIterable()
                .forEach(all::add);
        return all;
    }

    private List<BalanceTransaction> typed(String type) throws Exception {
        return client.v1()
                .balanceTransactions()
                .list(BalanceTransactionListParams.builder().setType(type).build())
                .getData();
    }

    private long available() throws Exception {
        return client.v1().balance().retrieve().getAvailable().get(0).getAmount();
    }

    @Test
    void refundsTakePartOrAllOfAChargeAndRefuseMoreThanIsLeft() throws Exception {
        PaymentIntent intent = paid(5000);
        assertEquals(
                "o-1",
                client.v1()
                        .charges()
                        .retrieve(intent.getLatestCharge())
                        .getMetadata()
                        .get("order"));
        Refund partial = client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(intent.getId())
                        .setAmount(2000L)
                        .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                        .build());
        assertEquals("succeeded", partial.getStatus());
        assertEquals(intent.getLatestCharge(), partial.getCharge());
        Charge charge = client.v1().charges().retrieve(intent.getLatestCharge());
        assertEquals(2000L, charge.getAmountRefunded());
        assertFalse(charge.getRefunded());
        assertEquals(partial.getId(), charge.getRefunds().getData().get(0).getId());

        InvalidRequestException tooMuch = assertThrows(InvalidRequestException.class, () -> client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setCharge(charge.getId())
                        .setAmount(4000L)
                        .build()));
        assertEquals("amount_too_large", tooMuch.getCode());
        assertEquals(
                "Refund amount ($40.00) is greater than unrefunded amount on charge ($30.00)",
                tooMuch.getStripeError().getMessage());

        Refund rest = client.v1()
                .refunds()
                .create(RefundCreateParams.builder().setCharge(charge.getId()).build());
        assertEquals(3000L, rest.getAmount());
        assertTrue(client.v1().charges().retrieve(charge.getId()).getRefunded());
        InvalidRequestException again = assertThrows(InvalidRequestException.class, () -> client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(intent.getId())
                        .build()));
        assertEquals("charge_already_refunded", again.getCode());

        BalanceTransaction refundTransaction = client.v1().balanceTransactions().retrieve(rest.getBalanceTransaction());
        assertEquals("refund", refundTransaction.getType());
        assertEquals(-3000L, refundTransaction.getNet());
        assertEquals(2, delivered("refund.created").size());
        assertEquals(2, delivered("charge.refunded").size());
        assertEquals(-(145L + 30), available(), "the processing fee is not given back");
    }

    @Test
    void destinationChargesTransferTheAmountAndTakeTheApplicationFeeBack() throws Exception {
        Account teacher = onboardedAccount();
        Session session = client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice(oneTimePrice(10_000).getId())
                                .setQuantity(1L)
                                .build())
                        .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                                .setApplicationFeeAmount(1_500L)
                                .setTransferData(SessionCreateParams.PaymentIntentData.TransferData.builder()
                                        .setDestination(teacher.getId())
                                        .build())
                                .setTransferGroup("course-9")
                                .build())
                        .build());
        Session paid = stripe.payCheckoutSession(session.getId(), "pm_card_visa");
        PaymentIntent intent = client.v1().paymentIntents().retrieve(paid.getPaymentIntent());
        assertEquals(teacher.getId(), intent.getTransferData().getDestination());
        Charge charge = client.v1().charges().retrieve(intent.getLatestCharge());
        assertEquals(1_500L, charge.getApplicationFeeAmount());

        Transfer transfer = client.v1().transfers().retrieve(charge.getTransfer());
        assertEquals(10_000L, transfer.getAmount());
        assertEquals(teacher.getId(), transfer.getDestination());
        assertEquals(charge.getId(), transfer.getSourceTransaction());
        assertEquals("course-9", transfer.getTransferGroup());
        assertTrue(transfer.getDestinationPayment().startsWith("py_"));

        ApplicationFee fee = client.v1().applicationFees().retrieve(charge.getApplicationFee());
        assertEquals(1_500L, fee.getAmount());
        assertEquals(teacher.getId(), fee.getAccount());
        assertEquals(charge.getId(), fee.getOriginatingTransaction());
        assertEquals(transfer.getDestinationPayment(), fee.getCharge());
        assertEquals(
                1,
                client.v1()
                        .applicationFees()
                        .list(ApplicationFeeListParams.builder()
                                .setCharge(transfer.getDestinationPayment())
                                .build())
                        .getData()
                        .size());
        assertEquals(
                List.of(transfer.getId()),
                client
                        .v1()
                        .transfers()
                        .list(TransferListParams.builder()
                                .setTransferGroup("course-9")
                                .build())
                        .getData()
                        .stream()
                        .map(Transfer::getId)
                        .toList());
        List<String> types = deliveredTypes();
        assertTrue(types.indexOf("charge.succeeded") < types.indexOf("transfer.created"), types.toString());
        assertTrue(types.contains("application_fee.created"), types.toString());
        assertEquals(10_000 - (290 + 30) - 10_000 + 1_500, available());
    }

    @Test
    void aSubscriptionToAConnectedAccountTakesItsApplicationFeePercentOfEveryInvoice() throws Exception {
        Account teacher = onboardedAccount();
        Customer customer = customer("member@example.com");
        Session session = client.v1()
                .checkout()
                .sessions()
                .create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                        .setCustomer(customer.getId())
                        .addLineItem(SessionCreateParams.LineItem.builder()
                                .setPrice(monthlyPrice(1999).getId())
                                .setQuantity(1L)
                                .build())
                        .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                                .setApplicationFeePercent(new BigDecimal("12.5"))
                                .setTransferData(SessionCreateParams.SubscriptionData.TransferData.builder()
                                        .setDestination(teacher.getId())
                                        .build())
                                .build())
                        .build());
        Session paid = stripe.payCheckoutSession(session.getId(), "pm_card_visa");
        var subscription = client.v1().subscriptions().retrieve(paid.getSubscription());
        assertEquals(new BigDecimal("12.5"), subscription.getApplicationFeePercent());
        assertEquals(teacher.getId(), subscription.getTransferData().getDestination());
        stripe.renewSubscription(subscription.getId());
        List<Charge> charges = client.v1()
                .charges()
                .list(ChargeListParams.builder().setCustomer(customer.getId()).build())
                .getData();
        assertEquals(2, charges.size());
        for (Charge charge : charges) {
            assertEquals(250L, charge.getApplicationFeeAmount(), "12.5 % of 19.99, rounded half up");
            assertEquals(teacher.getId(), charge.getTransferData().getDestination());
        }
    }

    @Test
    void refundingADestinationChargeReversesTheTransferAndRefundsTheFeeInProportion() throws Exception {
        Account teacher = onboardedAccount();
        PaymentIntent intent = paidTo(teacher, 8_000, 1_000);
        Refund refund = client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(intent.getId())
                        .setAmount(2_000L)
                        .setReverseTransfer(true)
                        .setRefundApplicationFee(true)
                        .build());
        TransferReversal reversal = client.v1()
                .transfers()
                .reversals()
                .retrieve(
                        client.v1().charges().retrieve(intent.getLatestCharge()).getTransfer(),
                        refund.getTransferReversal());
        assertEquals(2_000L, reversal.getAmount());
        assertEquals(refund.getId(), reversal.getSourceRefund());
        Charge charge = client.v1().charges().retrieve(intent.getLatestCharge());
        assertEquals(
                2_000L, client.v1().transfers().retrieve(charge.getTransfer()).getAmountReversed());
        ApplicationFee fee = client.v1().applicationFees().retrieve(charge.getApplicationFee());
        assertEquals(250L, fee.getAmountRefunded());
        assertEquals(1, delivered("transfer.reversed").size());
        assertEquals(1, delivered("application_fee.refunded").size());
        assertEquals(8_000 - (232 + 30) - 8_000 + 1_000 - 2_000 + 2_000 - 250, available());
    }

    @Test
    void transfersNeedAnActiveDestinationAndFundsOrWhatIsLeftOfTheirSourceCharge() throws Exception {
        Account teacher = onboardedAccount();
        InvalidRequestException unknown =
                assertThrows(InvalidRequestException.class, () -> transfer("acct_nope", 100, null));
        assertEquals("destination", unknown.getParam());
        assertEquals(
                "No such destination: 'acct_nope'", unknown.getStripeError().getMessage());
        Account pending = client.v1()
                .accounts()
                .create(com.stripe.param.AccountCreateParams.builder()
                        .setType(com.stripe.param.AccountCreateParams.Type.EXPRESS)
                        .build());
        InvalidRequestException notActive =
                assertThrows(InvalidRequestException.class, () -> transfer(pending.getId(), 100, null));
        assertEquals("insufficient_capabilities_for_transfer", notActive.getCode());
        InvalidRequestException broke =
                assertThrows(InvalidRequestException.class, () -> transfer(teacher.getId(), 100, null));
        assertEquals("balance_insufficient", broke.getCode());

        PaymentIntent intent = paid(1_000);
        InvalidRequestException moreThanTheCharge = assertThrows(
                InvalidRequestException.class, () -> transfer(teacher.getId(), 1_200, intent.getLatestCharge()));
        assertEquals("balance_insufficient", moreThanTheCharge.getCode());
        Transfer first = transfer(teacher.getId(), 600, intent.getLatestCharge());
        assertEquals(intent.getLatestCharge(), first.getSourceTransaction());
        assertThrows(InvalidRequestException.class, () -> transfer(teacher.getId(), 500, intent.getLatestCharge()));
        Transfer fromBalance = transfer(teacher.getId(), 300, null);
        assertEquals(1_000 - 59 - 600 - 300, available());

        TransferReversal back = client.v1().transfers().reversals().create(fromBalance.getId());
        assertEquals(300L, back.getAmount());
        assertTrue(client.v1().transfers().retrieve(fromBalance.getId()).getReversed());
        assertEquals(1_000 - 59 - 600, available());
        assertEquals(2, delivered("transfer.created").size());
    }

    private Transfer transfer(String destination, long amount, String source) throws Exception {
        return client.v1()
                .transfers()
                .create(TransferCreateParams.builder()
                        .setAmount(amount)
                        .setCurrency("usd")
                        .setDestination(destination)
                        .setSourceTransaction(source)
                        .build());
    }

    @Test
    void theDisputeTestCardIsDisputedAndWinningGivesTheMoneyBack() throws Exception {
        Session session = paymentSession(oneTimePrice(4_000), 1);
        Session paid = stripe.payCheckoutSession(session.getId(), "pm_card_createDispute");
        String chargeId =
                client.v1().paymentIntents().retrieve(paid.getPaymentIntent()).getLatestCharge();
        Charge charge = client.v1().charges().retrieve(chargeId);
        assertTrue(charge.getDisputed());
        Dispute dispute = client.v1().disputes().list().getData().get(0);
        assertEquals(chargeId, dispute.getCharge());
        assertEquals("needs_response", dispute.getStatus());
        assertEquals("fraudulent", dispute.getReason());
        BalanceTransaction withdrawal = dispute.getBalanceTransactions().get(0);
        assertEquals("adjustment", withdrawal.getType());
        assertEquals("dispute", withdrawal.getReportingCategory());
        assertEquals(-4_000L, withdrawal.getAmount());
        assertEquals(1_500L, withdrawal.getFee());
        List<String> types = deliveredTypes();
        assertTrue(
                types.indexOf("checkout.session.completed") < types.indexOf("charge.dispute.created"),
                types.toString());
        InvalidRequestException noRefund = assertThrows(InvalidRequestException.class, () -> client.v1()
                .refunds()
                .create(RefundCreateParams.builder().setCharge(chargeId).build()));
        assertEquals("charge_disputed", noRefund.getCode());

        Dispute argued = client.v1()
                .disputes()
                .update(
                        dispute.getId(),
                        DisputeUpdateParams.builder()
                                .setEvidence(DisputeUpdateParams.Evidence.builder()
                                        .setUncategorizedText("The buyer attended the course.")
                                        .build())
                                .build());
        assertEquals("under_review", argued.getStatus());
        long before = available();
        Dispute won = stripe.resolveDispute(dispute.getId(), true);
        assertEquals("won", won.getStatus());
        assertEquals("dispute_reversal", won.getBalanceTransactions().get(1).getReportingCategory());
        assertEquals(before + 4_000 + 1_500, available());
        assertEquals(1, delivered("charge.dispute.funds_reinstated").size());
        assertEquals(1, delivered("charge.dispute.closed").size());
    }

    @Test
    void closingADisputeAcceptsItAsLost() throws Exception {
        PaymentIntent intent = paid(2_000);
        Dispute opened = stripe.disputeCharge(intent.getLatestCharge(), "product_not_received");
        assertEquals("product_not_received", opened.getReason());
        long before = available();
        Dispute lost = client.v1().disputes().close(opened.getId());
        assertEquals("lost", lost.getStatus());
        assertEquals(before, available());
        assertThrows(InvalidRequestException.class, () -> client.v1().disputes().close(opened.getId()));
        assertEquals(1, delivered("charge.dispute.closed").size());
    }

    @Test
    void theBalanceIsAlwaysTheSumOfTheBalanceTransactionNets() throws Exception {
        Account teacher = onboardedAccount();
        PaymentIntent plain = paid(5_000);
        PaymentIntent connected = paidTo(teacher, 7_000, 700);
        client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(plain.getId())
                        .setAmount(1_234L)
                        .build());
        client.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(connected.getId())
                        .setAmount(3_500L)
                        .setReverseTransfer(true)
                        .setRefundApplicationFee(true)
                        .build());
        transfer(teacher.getId(), 1_000, null);
        Dispute dispute = stripe.disputeCharge(plain.getLatestCharge(), null);
        stripe.resolveDispute(dispute.getId(), false);
        Customer customer = customer("sum@example.com");
        stripe.renewSubscription(
                subscribed(customer, monthlyPrice(1_500), "pm_card_visa").getSubscription());

        List<BalanceTransaction> transactions = balanceTransactions();
        long nets = transactions.stream().mapToLong(BalanceTransaction::getNet).sum();
        assertEquals(nets, available());
        for (BalanceTransaction transaction : transactions) {
            assertEquals(transaction.getAmount() - transaction.getFee(), transaction.getNet());
        }
        long expected = (5_000 - 175)
                + (7_000 - 233)
                - 7_000
                + 700
                - 1_234
                - 3_500
                + 3_500
                - 350
                - 1_000
                - 5_000
                - 1_500
                + 2 * (1_500 - 74);
        assertEquals(expected, available());
        assertEquals(2, typed("transfer").size(), "the destination charge's transfer and the one from the balance");
        assertEquals(1, typed("transfer_refund").size());
        assertEquals(
                2,
                typed("application_fee").size()
                        + typed("application_fee_refund").size());
        String disputeTransaction = client.v1()
                .disputes()
                .retrieve(dispute.getId())
                .getBalanceTransactions()
                .get(0)
                .getId();
        assertEquals(
                List.of(disputeTransaction),
                client
                        .v1()
                        .balanceTransactions()
                        .list(BalanceTransactionListParams.builder()
                                .setSource(dispute.getId())
                                .build())
                        .getData()
                        .stream()
                        .map(BalanceTransaction::getId)
                        .toList());
    }
}
