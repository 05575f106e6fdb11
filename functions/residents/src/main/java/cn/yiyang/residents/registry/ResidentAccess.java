package cn.yiyang.residents.registry;

import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.access.Scope;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.residents.family.FamilyLink;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Object-level access to one resident. Another county's resident, an unknown id and a resident
 * the caller may not see all answer the same 404, so nobody learns what exists elsewhere.
 */
@ApplicationScoped
public class ResidentAccess {

    public Uni<Resident> readable(Caller caller, String id) {
        return inCounty(caller, id).flatMap(resident -> mayRead(caller, resident)
                .map(allowed -> {
                    if (!allowed) {
                        throw ApiException.notFound("Resident");
                    }
                    return resident;
                }));
    }

    /** The resident with this id in the caller's county, for staff routes (roles already checked). */
    public Uni<Resident> inCounty(Caller caller, String id) {
        UUID uuid = parse(id);
        return Resident.<Resident>find("id = ?1 and county = ?2", uuid, caller.county()).firstResult()
                .map(resident -> {
                    if (resident == null) {
                        throw ApiException.notFound("Resident");
                    }
                    return resident;
                });
    }

    /**
     * The rule table's RESIDENT READ: county staff; the resident themself; a family member whose token's
     * {@code org.family} names the resident, or whom the registry links (read only then).
     */
    private static Uni<Boolean> mayRead(Caller caller, Resident resident) {
        String id = resident.id.toString();
        if (AccessTable.reaches(caller, ObjectKind.RESIDENT, Action.READ, role -> switch (role) {
            case RESIDENT -> caller.subject().equals(id);
            case FAMILY -> caller.actsFor(Role.FAMILY, id);
            default -> false;
        })) {
            return Uni.createFrom().item(true);
        }
        if (caller.has(Role.FAMILY) && AccessTable.scope(ObjectKind.RESIDENT, Role.FAMILY, Action.READ) == Scope.OWN) {
            return FamilyLink.exists(resident.county, resident.id, caller.subject());
        }
        return Uni.createFrom().item(false);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Resident");
        }
    }
}
