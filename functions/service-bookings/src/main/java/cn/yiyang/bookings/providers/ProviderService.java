package cn.yiyang.bookings.providers;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.bookings.AccessRules;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** Providers and their caregivers, registered by officers (caregivers also by the provider itself). */
@ApplicationScoped
public class ProviderService {

    /** Caregivers one provider desk lists; a provider employs far fewer. */
    public static final int CAREGIVERS_PAGE_MAX = 500;

    private final Clock clock;

    public ProviderService(Clock clock) {
        this.clock = clock;
    }

    @RegisterForReflection
    public record ProviderView(UUID id, String name, List<String> streets, List<String> services, int windowCapacity) {
        static ProviderView of(Provider p) {
            return new ProviderView(p.id, p.name, List.of(p.streets.split(",")), List.of(p.services.split(",")),
                    p.windowCapacity);
        }
    }

    @RegisterForReflection
    public record CaregiverView(UUID id, UUID providerId, String name, boolean certified, LocalTime worksFrom,
                                LocalTime worksUntil) {
        static CaregiverView of(Caregiver c) {
            return new CaregiverView(c.id, c.providerId, c.name, c.certified, c.worksFrom, c.worksUntil);
        }
    }

    /** A provider's caregivers, by name: the desk assigns from them. */
    @RegisterForReflection
    public record Caregivers(List<CaregiverView> items) {
    }

    public Uni<Reply> create(Caller caller, ProviderRequests.NewProvider r) {
        ProviderInput.check(r, caller.county());
        Provider p = new Provider();
        p.id = UUID.randomUUID();
        p.county = caller.county();
        p.name = r.name();
        p.streets = String.join(",", r.streets());
        p.services = String.join(",", r.services());
        p.windowCapacity = r.windowCapacity();
        p.createdAt = CountyTime.now(clock);
        return p.persistAndFlush().map(saved -> Reply.created(ProviderView.of(p)));
    }

    /** The provider desk's caregivers: a provider its own ({@code org.provider}), an officer any of the county's. */
    public Uni<Reply> listCaregivers(Caller caller, ProviderRequests.OfProvider r) {
        return own(caller, r.id(), ObjectKind.CAREGIVER, Action.READ).flatMap(provider -> Caregiver.<Caregiver>find(
                        "providerId = ?1 order by name, id", provider.id).page(0, CAREGIVERS_PAGE_MAX).list())
                .map(caregivers -> Reply.ok(new Caregivers(caregivers.stream().map(CaregiverView::of).toList())));
    }

    public Uni<Reply> addCaregiver(Caller caller, ProviderRequests.NewCaregiver r) {
        ProviderInput.check(r);
        return own(caller, r.id(), ObjectKind.CAREGIVER, Action.CREATE).flatMap(provider -> {
            Caregiver c = new Caregiver();
            c.id = UUID.randomUUID();
            c.county = provider.county;
            c.providerId = provider.id;
            c.name = r.name();
            c.certified = r.certified();
            c.worksFrom = r.worksFrom();
            c.worksUntil = r.worksUntil();
            return c.persistAndFlush().map(saved -> Reply.created(CaregiverView.of(c)));
        });
    }

    /** The provider in the caller's county whose caregivers or days the caller reaches ({@link AccessRules#reachesProvider}). */
    public static Uni<Provider> own(Caller caller, String id, ObjectKind kind, Action action) {
        UUID uuid = uuid(id, "Provider");
        return Provider.<Provider>find("id = ?1 and county = ?2", uuid, caller.county()).firstResult().map(p -> {
            if (p == null || !AccessRules.reachesProvider(caller, kind, action, id)) {
                throw ApiException.notFound("Provider");
            }
            return p;
        });
    }

    public static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what);
        }
    }
}
