package cn.yiyang.bookings.providers;

import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Providers and their caregivers, registered by officers (caregivers also by the provider itself). */
@ApplicationScoped
public class ProviderService {

    public static final int STREETS_MAX = 50;
    public static final int WINDOW_CAPACITY_MAX = 1000;
    private static final Pattern STREET = Pattern.compile("[0-9]{9}");
    private static final Pattern CODE = Pattern.compile("[A-Z_]{2,20}");

    private final Clock clock;

    public ProviderService(Clock clock) {
        this.clock = clock;
    }

    @RegisterForReflection
    public record ProviderRequest(String name, List<String> streets, List<String> services, int windowCapacity) {
    }

    @RegisterForReflection
    public record ProviderView(UUID id, String name, List<String> streets, List<String> services, int windowCapacity) {
        static ProviderView of(Provider p) {
            return new ProviderView(p.id, p.name, List.of(p.streets.split(",")), List.of(p.services.split(",")),
                    p.windowCapacity);
        }
    }

    @RegisterForReflection
    public record CaregiverRequest(String name, boolean certified, LocalTime worksFrom, LocalTime worksUntil) {
    }

    @RegisterForReflection
    public record CaregiverView(UUID id, UUID providerId, String name, boolean certified, LocalTime worksFrom,
                                LocalTime worksUntil) {
    }

    public Uni<Reply> create(Call call) {
        ProviderRequest r = call.body(ProviderRequest.class);
        List<FieldError> errors = new ArrayList<>();
        if (r.name() == null || r.name().isBlank() || r.name().length() > 100) {
            errors.add(new FieldError("name", "REQUIRED", "1 to 100 characters"));
        }
        if (r.streets() == null || r.streets().isEmpty() || r.streets().size() > STREETS_MAX
                || !r.streets().stream().allMatch(s -> s != null && STREET.matcher(s).matches() && s.startsWith(call.county()))) {
            errors.add(new FieldError("streets", "BAD_STREETS", "1 to " + STREETS_MAX + " 9-digit street codes of the county"));
        }
        if (r.services() == null || r.services().isEmpty() || !r.services().stream().allMatch(s -> s != null && CODE.matcher(s).matches())) {
            errors.add(new FieldError("services", "BAD_SERVICES", "Service codes such as BATH, CLEAN"));
        }
        if (r.windowCapacity() < 1 || r.windowCapacity() > WINDOW_CAPACITY_MAX) {
            errors.add(new FieldError("windowCapacity", "OUT_OF_RANGE", "1 to " + WINDOW_CAPACITY_MAX + " bookings per hour"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Provider p = new Provider();
        p.id = UUID.randomUUID();
        p.county = call.county();
        p.name = r.name().strip();
        p.streets = String.join(",", r.streets());
        p.services = String.join(",", r.services());
        p.windowCapacity = r.windowCapacity();
        p.createdAt = CountyTime.now(clock);
        return p.persistAndFlush().map(saved -> Reply.created(ProviderView.of(p)));
    }

    public Uni<Reply> addCaregiver(Call call) {
        CaregiverRequest r = call.body(CaregiverRequest.class);
        if (r.name() == null || r.name().isBlank() || r.name().length() > 30) {
            throw ApiException.invalid("name", "REQUIRED", "1 to 30 characters");
        }
        if (r.worksFrom() == null || r.worksUntil() == null || !r.worksFrom().isBefore(r.worksUntil())) {
            throw ApiException.invalid("worksUntil", "BAD_HOURS", "Working hours from before until");
        }
        return own(call, call.pathParam("id")).flatMap(provider -> {
            Caregiver c = new Caregiver();
            c.id = UUID.randomUUID();
            c.county = provider.county;
            c.providerId = provider.id;
            c.name = r.name().strip();
            c.certified = r.certified();
            c.worksFrom = r.worksFrom();
            c.worksUntil = r.worksUntil();
            return c.persistAndFlush().map(saved -> Reply.created(
                    new CaregiverView(c.id, c.providerId, c.name, c.certified, c.worksFrom, c.worksUntil)));
        });
    }

    /** The provider in the caller's county that the caller may manage: officers any, a provider only itself. */
    public static Uni<Provider> own(Call call, String id) {
        UUID uuid = uuid(id, "Provider");
        return Provider.<Provider>find("id = ?1 and county = ?2", uuid, call.county()).firstResult().map(p -> {
            boolean mayManage = call.caller().has(Role.OFFICER) || call.caller().subject().equals(id);
            if (p == null || !mayManage) {
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
