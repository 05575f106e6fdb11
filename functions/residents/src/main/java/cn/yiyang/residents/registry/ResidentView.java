package cn.yiyang.residents.registry;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.kernel.resident.Category;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A resident as every answer shows them, by the one masking rule ({@code Masks}): ID number and phones masked,
 * and beside the ID number's mask the birth year and age, never the birth date it hides.
 */
@RegisterForReflection
public record ResidentView(UUID id, String county, String name, String idNumberMasked, int birthYear, String sex,
                           int age, @Nullable String phoneMasked, ResidentRequests.Address address,
                           List<Category> categories, List<String> categoryLabels,
                           @Nullable DisabilityLevel disabilityLevel, @Nullable Integer abilityLevel,
                           @Nullable EmergencyContactView emergencyContact, ResidentStatus status, int version,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    @RegisterForReflection
    public record EmergencyContactView(String name, String relation, String phoneMasked) {
    }

    @RegisterForReflection
    public record Page(List<ResidentView> items) {
    }

    public static ResidentView of(Resident r, LocalDate today) {
        List<Category> categories = r.categorySet().stream().toList();
        return new ResidentView(r.id, r.county, r.name, r.idNumberMasked, r.birthDate.getYear(), r.sex,
                ageOn(r.birthDate, today), r.phoneMasked,
                new ResidentRequests.Address(r.streetCode, r.communityCode, r.addressLine),
                categories, categories.stream().map(Category::label).toList(), r.disabilityLevel, r.abilityLevel,
                r.emergencyName == null ? null
                        : new EmergencyContactView(r.emergencyName, r.emergencyRelation, r.emergencyPhoneMasked),
                r.status, r.version, CountyTime.shown(r.createdAt), CountyTime.shown(r.updatedAt));
    }

    private static int ageOn(LocalDate birthDate, LocalDate today) {
        return java.time.Period.between(birthDate, today).getYears();
    }
}
