package dev.atrium.marketplace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.atrium.billing.Money;
import dev.atrium.platform.errors.ConflictException;
import dev.atrium.platform.errors.ForbiddenException;
import dev.atrium.platform.errors.InvalidRequestException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceOrderTest {

    private static final UUID CLIENT = UUID.randomUUID();

    private final Service service = ServiceTest.published(ServiceTest.threeTiers());

    @Test
    void orderingATierMakesAContractWithOneMilestoneAtItsPriceDueAfterItsDeliveryDays() {
        Contract contract = Contract.order(service, TierLevel.STANDARD, CLIENT, ServiceTest.NOW);
        ServiceOrder order = ServiceOrder.of(contract, service, TierLevel.STANDARD, List.of("Greenfield School"));
        Milestone milestone = order.milestone(contract);

        assertEquals(service.id(), contract.serviceId());
        assertNull(contract.jobId());
        assertNull(contract.proposalId());
        assertEquals(CLIENT, contract.clientId());
        assertEquals(ServiceTest.PROFESSIONAL, contract.professionalId());
        assertEquals("eur", contract.currency());
        assertEquals(2, contract.revisionsAllowed(), "the standard tier's revisions");
        assertEquals(ContractStatus.ACTIVE, contract.status());

        assertEquals(Money.of(12_000, "eur"), milestone.amount());
        assertEquals(LocalDate.of(2026, 3, 7), milestone.dueDate(), "five days after 2 March");
        assertEquals(MilestoneStatus.PENDING, milestone.status());
        assertEquals(1, milestone.position());
        assertEquals("What is your school called?", order.requirements().get(0).question());
        assertEquals("Greenfield School", order.requirements().get(0).answer());
    }

    @Test
    void theOrderKeepsTheTierAsItWasWhenTheServiceChangesLater() {
        Contract contract = Contract.order(service, TierLevel.BASIC, CLIENT, ServiceTest.NOW);
        ServiceOrder order = ServiceOrder.of(contract, service, TierLevel.BASIC, List.of("Greenfield"));

        service.revise(
                ServiceTest.details("eur", List.of(ServiceTest.tier(TierLevel.BASIC, 9_000, 7, 0))),
                ServiceTest.NOW.plusDays(1));

        assertEquals(Money.of(5_000, "eur"), order.price());
        assertEquals(3, order.tier().deliveryDays());
        assertEquals(1, order.tier().revisions());
    }

    @Test
    void aProfessionalCannotOrderTheirOwnService() {
        ForbiddenException own = assertThrows(
                ForbiddenException.class,
                () -> Contract.order(service, TierLevel.BASIC, ServiceTest.PROFESSIONAL, ServiceTest.NOW));
        assertEquals("own-service", own.typeSlug());
    }

    @Test
    void anOrderAnswersEachOfTheServicesQuestions() {
        Contract contract = Contract.order(service, TierLevel.BASIC, CLIENT, ServiceTest.NOW);
        assertThrows(InvalidRequestException.class, () -> ServiceOrder.of(contract, service, TierLevel.BASIC, null));
        assertThrows(
                InvalidRequestException.class, () -> ServiceOrder.of(contract, service, TierLevel.BASIC, List.of(" ")));
        assertThrows(
                InvalidRequestException.class,
                () -> ServiceOrder.of(contract, service, TierLevel.BASIC, List.of("a", "b")));
    }

    @Test
    void aDraftOrPausedServiceIsNotOrdered() {
        Service draft = ServiceTest.draft(ServiceTest.threeTiers());
        assertThrows(ConflictException.class, () -> Contract.order(draft, TierLevel.BASIC, CLIENT, ServiceTest.NOW));
        service.pause(ServiceTest.NOW);
        assertThrows(ConflictException.class, () -> Contract.order(service, TierLevel.BASIC, CLIENT, ServiceTest.NOW));
    }

    @Test
    void theClientAsksForChangesAsOftenAsTheTierIncludesRevisions() {
        Contract contract = Contract.order(service, TierLevel.STANDARD, CLIENT, ServiceTest.NOW);
        contract.requireRevisionLeft(0);
        contract.requireRevisionLeft(1);
        ConflictException used = assertThrows(ConflictException.class, () -> contract.requireRevisionLeft(2));
        assertEquals("revisions-used", used.typeSlug());

        Contract none = Contract.order(
                ServiceTest.published(List.of(ServiceTest.tier(TierLevel.BASIC, 1_000, 1, 0))),
                TierLevel.BASIC,
                CLIENT,
                ServiceTest.NOW);
        assertThrows(ConflictException.class, () -> none.requireRevisionLeft(0), "a tier without revisions");
    }
}
