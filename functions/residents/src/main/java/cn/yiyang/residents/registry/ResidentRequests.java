package cn.yiyang.residents.registry;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.resident.Category;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The residents routes' requests: path, query and body in one record. Absent means "not given" (PATCH: unchanged). */
public final class ResidentRequests {

    private ResidentRequests() {
    }

    @RegisterForReflection
    public record Register(String name, String idNumber, String phone, Address address, List<Category> categories,
                           DisabilityLevel disabilityLevel, Integer abilityLevel, EmergencyContact emergencyContact) {
    }

    /**
     * {@code GET /v1/residents?phone=|idNumber=|name=&birthYear=|name=&streetCode=}: exactly one way. A phone is a
     * mobile or a landline (with or without the county's area code).
     */
    @RegisterForReflection
    public record LookUp(String phone, String idNumber, String name, Integer birthYear, String streetCode) {
    }

    @RegisterForReflection
    public record Update(String id, String phone, Address address, List<Category> categories, DisabilityLevel disabilityLevel,
                         Integer abilityLevel, EmergencyContact emergencyContact, ResidentStatus status) {
    }

    /** {@code GET /v1/residents/{id}/identity?reason=}: the officer's stated reason is required. */
    @RegisterForReflection
    public record Disclose(String id, String reason) {
    }

    @RegisterForReflection
    public record Address(String streetCode, @Nullable String communityCode, String line) {
    }

    @RegisterForReflection
    public record EmergencyContact(String name, String relation, String phone) {
    }
}
