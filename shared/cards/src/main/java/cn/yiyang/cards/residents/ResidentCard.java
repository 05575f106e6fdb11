package cn.yiyang.cards.residents;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import java.time.LocalDate;
import java.util.Set;

/**
 * What other functions need to know of a resident, published by the residents function to
 * DynamoDB whenever the resident or their family links change: enough to price a meal, admit a
 * family member and list a delivery, and no ID number or full phone.
 */
public record ResidentCard(String county, String residentId, String name, LocalDate birthDate, Set<String> categories,
                           String disabilityLevel, String status, String streetCode, String addressLine,
                           String phoneMasked, Set<String> familySubjects) {

    public static final String ACTIVE = "ACTIVE";

    public ResidentCard {
        categories = Set.copyOf(categories);
        familySubjects = Set.copyOf(familySubjects);
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /**
     * Whether the caller may act for this resident: staff holding one of the given roles, the
     * resident themself, or a family member linked to them. One rule for every function.
     */
    public boolean mayBeActedForBy(Caller caller, Set<Role> staff) {
        return caller.hasAny(staff)
                || (caller.has(Role.RESIDENT) && caller.subject().equals(residentId))
                || (caller.has(Role.FAMILY) && familySubjects.contains(caller.subject()));
    }

    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }

    public ResidentCard withFamilySubject(String subject) {
        java.util.HashSet<String> all = new java.util.HashSet<>(familySubjects);
        all.add(subject);
        return new ResidentCard(county, residentId, name, birthDate, categories, disabilityLevel, status, streetCode,
                addressLine, phoneMasked, all);
    }
}
