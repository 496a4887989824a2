package dev.atrium.marketplace.application;

import dev.atrium.marketplace.ContractStarted;
import dev.atrium.marketplace.application.ServiceViews.OrderView;
import dev.atrium.marketplace.domain.Contract;
import dev.atrium.marketplace.domain.Milestone;
import dev.atrium.marketplace.domain.Service;
import dev.atrium.marketplace.domain.ServiceOrder;
import dev.atrium.marketplace.domain.TierLevel;
import dev.atrium.platform.paging.Page;
import dev.atrium.platform.paging.PageRequest;
import dev.atrium.platform.persistence.TenantTransactional;
import dev.atrium.platform.security.Membership;
import dev.atrium.platform.time.Now;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Orders of services: a client orders a tier of an active service, answering its questions, which makes a contract
 * with the professional with one milestone for the tier's price, due after its delivery days. From there it is any
 * contract: the client funds the milestone into escrow ({@link ContractDesk#fund}), the professional submits, the client
 * approves or asks for changes (as many times as the tier includes revisions) and the money is released.
 */
@ApplicationScoped
@TenantTransactional
public class ServiceOrders {

    @PersistenceContext(unitName = "atrium")
    EntityManager em;

    @Inject
    MarketplaceAccess access;

    @Inject
    ServiceNotifications notifications;

    @Inject
    Event<ContractStarted> started;

    @Inject
    Now clock;

    /**
     * A client (or an admin, for their organisation) orders a tier: the contract, with its one milestone waiting to be
     * funded. The professional is told.
     */
    public Views.ContractView order(UUID serviceId, TierLevel tier, List<String> answers) {
        Membership client = access.client();
        Service service = access.serviceToOrder(serviceId);
        OffsetDateTime now = clock.dateTime();
        Contract contract = Contract.order(service, tier, client.memberId(), now);
        ServiceOrder order = ServiceOrder.of(contract, service, tier, answers);
        Milestone milestone = order.milestone(contract);
        // The contract's row first: the order and the milestone refer to it.
        em.persist(contract);
        em.flush();
        em.persist(order);
        em.persist(milestone);
        em.flush();
        notifications.ordered(contract, order);
        started.fire(new ContractStarted(contract.id(), contract.clientId(), contract.professionalId(), null));
        return Views.ContractView.of(contract, List.of(milestone), Contract.Party.CLIENT);
    }

    /**
     * A service's orders, newest first: all of them for its professional and the admins; for anyone else, their own
     * (a client reads what they answered).
     */
    public Page<OrderView> orders(UUID serviceId, PageRequest page) {
        Membership caller = access.caller();
        Service service = access.serviceToRead(serviceId);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("service", service.id());
        String where = " where o.serviceId = :service";
        if (!service.professionalId().equals(caller.memberId()) && !MarketplaceAccess.isAdmin(caller)) {
            where += " and o.clientId = :me";
            parameters.put("me", caller.memberId());
        }
        TypedQuery<ServiceOrder> items = em.createQuery(
                "select o from ServiceOrder o" + where + " order by o.orderedAt desc, o.contractId",
                ServiceOrder.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from ServiceOrder o" + where, Long.class);
        parameters.forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<ServiceOrder> orders =
                items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(orders, page, count.getSingleResult()).map(OrderView::of);
    }
}
