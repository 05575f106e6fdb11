package cn.yiyang.residents.registry;

import cn.yiyang.kernel.resident.Category;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** What clients send to register or change a resident. Absent means "not given" (PATCH: unchanged). */
public final class ResidentRequests {

    private ResidentRequests() {
    }

    @RegisterForReflection
    public record Register(String name, String idNumber, String phone, Address address, List<Category> categories,
                           DisabilityLevel disabilityLevel, Integer abilityLevel, EmergencyContact emergencyContact) {
    }

    @RegisterForReflection
    public record Update(String phone, Address address, List<Category> categories, DisabilityLevel disabilityLevel,
                         Integer abilityLevel, EmergencyContact emergencyContact, ResidentStatus status) {
    }

    @RegisterForReflection
    public record Address(String streetCode, String communityCode, String line) {
    }

    @RegisterForReflection
    public record EmergencyContact(String name, String relation, String phone) {
    }
}
