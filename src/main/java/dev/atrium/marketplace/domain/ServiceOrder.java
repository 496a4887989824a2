package dev.atrium.marketplace.domain;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.InvalidRequestException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a client ordered of a service, kept with the contract the order made: the tier as it was then (the service may
 * change afterwards) and the client's answers to the service's questions, which the professional needs to start.
 */
@Entity
@Table(name = "marketplace_service_order")
public class ServiceOrder {

    /** One of the service's questions, as it was asked, and the client's answer. */
    @Embeddable
    public static class Requirement {

        @Column(name = "question", nullable = false)
        private String question;

        @Column(name = "answer", nullable = false)
        private String answer;

        protected Requirement() {}

        Requirement(String question, String answer) {
            this.question = question;
            this.answer = answer;
        }

        public String question() {
            return question;
        }

        public String answer() {
            return answer;
        }
    }

    @Id
    @Column(name = "contract_id")
    private UUID contractId;

    @Column(name = "service_id", nullable = false, updatable = false)
    private UUID serviceId;

    @Column(name = "client_id", nullable = false, updatable = false)
    private UUID clientId;

    @Embedded
    private ServiceTier tier;

    @Column(nullable = false)
    private String currency;

    @Column(name = "ordered_at", nullable = false, updatable = false)
    private OffsetDateTime orderedAt;

    @ElementCollection
    @CollectionTable(name = "marketplace_service_order_answer", joinColumns = @JoinColumn(name = "contract_id"))
    @OrderColumn(name = "position")
    private List<Requirement> requirements = new ArrayList<>();

    protected ServiceOrder() {}

    /**
     * The order behind a contract made by {@link Contract#order} of the same service and tier: the client answers each
     * of the service's questions, in order.
     */
    public static ServiceOrder of(Contract contract, Service service, TierLevel level, List<String> answers) {
        if (!service.id().equals(contract.serviceId())) {
            throw new IllegalArgumentException("The contract was not made by ordering this service.");
        }
        List<String> questions = service.questions();
        List<String> given = answers == null ? List.of() : answers;
        if (given.size() != questions.size() || given.stream().anyMatch(a -> a == null || a.isBlank())) {
            throw new InvalidRequestException(
                    "This service asks " + questions.size() + " question(s); an order answers each of them, in order.");
        }
        ServiceOrder order = new ServiceOrder();
        order.contractId = contract.id();
        order.serviceId = service.id();
        order.clientId = contract.clientId();
        order.tier = service.tierToOrder(level).copy();
        order.currency = service.currency();
        order.orderedAt = contract.startedAt();
        for (int i = 0; i < questions.size(); i++) {
            order.requirements.add(
                    new Requirement(questions.get(i), given.get(i).strip()));
        }
        return order;
    }

    /** The one milestone of the order: the tier's price, due its delivery days after the order. */
    public Milestone milestone(Contract contract) {
        return Milestone.plan(
                contract, 1, tier.name(), tier.price(currency), tier.dueWhenOrderedAt(orderedAt), orderedAt);
    }

    public UUID contractId() {
        return contractId;
    }

    public UUID serviceId() {
        return serviceId;
    }

    public UUID clientId() {
        return clientId;
    }

    public ServiceTier tier() {
        return tier;
    }

    public Money price() {
        return tier.price(currency);
    }

    public String currency() {
        return currency;
    }

    public OffsetDateTime orderedAt() {
        return orderedAt;
    }

    public List<Requirement> requirements() {
        return List.copyOf(requirements);
    }
}
