package cn.yiyang.residents.registry;

import cn.yiyang.kernel.resident.Category;
import cn.yiyang.kernel.identity.IdNumber;
import cn.yiyang.kernel.identity.IdentityFormatException;
import cn.yiyang.kernel.identity.ContactPhone;
import cn.yiyang.kernel.identity.Masks;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.residents.registry.ResidentRequests.Address;
import cn.yiyang.residents.registry.ResidentRequests.EmergencyContact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what a client sent about a resident and turns it into normalised values. Every broken
 * field is reported at once, each with a stable code; no message repeats the value.
 */
final class ResidentRules {

    static final int NAME_CHARS_MAX = 30;
    static final int ADDRESS_LINE_CHARS_MAX = 100;
    static final int RELATION_CHARS_MAX = 10;
    static final int CATEGORIES_MAX = Category.values().length;
    static final int ABILITY_LEVEL_MAX = 4;

    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}A-Za-z·・ ]{1," + NAME_CHARS_MAX + "}");
    private static final Pattern STREET = Pattern.compile("[0-9]{9}");
    private static final Pattern COMMUNITY = Pattern.compile("[0-9]{12}");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");

    private final List<FieldError> errors = new ArrayList<>();
    private final String county;
    private final String areaCode;

    private ResidentRules(String county, String areaCode) {
        this.county = county;
        this.areaCode = areaCode;
    }

    record Registration(String name, IdNumber idNumber, ContactPhone phone, Address address, Set<Category> categories,
                        DisabilityLevel disabilityLevel, Integer abilityLevel, Contact emergencyContact) {
    }

    record Contact(String name, String relation, ContactPhone phone) {
    }

    record Change(ContactPhone phone, Address address, Set<Category> categories, DisabilityLevel disabilityLevel,
                  Integer abilityLevel, Contact emergencyContact, ResidentStatus status) {
    }

    /** {@code areaCode}: the county's, for a landline given without one (null when the county has none). */
    static Registration registration(ResidentRequests.Register r, String county, String areaCode, LocalDate today) {
        ResidentRules rules = new ResidentRules(county, areaCode);
        String name = rules.name("name", r.name());
        IdNumber idNumber = rules.idNumber(r.idNumber(), today);
        ContactPhone phone = r.phone() == null ? null : rules.phone("phone", r.phone());
        Address address = rules.address(r.address());
        Set<Category> categories = rules.categories(r.categories());
        rules.disability(categories, r.disabilityLevel());
        rules.ability(r.abilityLevel());
        Contact contact = r.emergencyContact() == null ? null : rules.contact(r.emergencyContact());
        rules.throwIfAny();
        return new Registration(name, idNumber, phone, address, categories, r.disabilityLevel(), r.abilityLevel(), contact);
    }

    static Change change(ResidentRequests.Update u, Resident current, String areaCode) {
        ResidentRules rules = new ResidentRules(current.county, areaCode);
        ContactPhone phone = u.phone() == null ? null : rules.phone("phone", u.phone());
        Address address = u.address() == null ? null : rules.address(u.address());
        Set<Category> categories = u.categories() == null ? current.categorySet() : rules.categories(u.categories());
        DisabilityLevel level = u.disabilityLevel() != null ? u.disabilityLevel()
                : categories.contains(Category.SHINENG) ? current.disabilityLevel : null;
        rules.disability(categories, level);
        rules.ability(u.abilityLevel());
        Contact contact = u.emergencyContact() == null ? null : rules.contact(u.emergencyContact());
        rules.throwIfAny();
        return new Change(phone, address, u.categories() == null ? null : categories, level, u.abilityLevel(), contact,
                u.status());
    }

    private String name(String field, String value) {
        if (value == null || value.isBlank()) {
            return error(field, "REQUIRED", "A name is required");
        }
        String name = value.strip();
        if (!NAME.matcher(name).matches()) {
            return error(field, "BAD_NAME", "1 to " + NAME_CHARS_MAX + " Chinese characters or letters");
        }
        return name;
    }

    private IdNumber idNumber(String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return error("idNumber", "REQUIRED", "An 18-character ID number is required");
        }
        try {
            return IdNumber.parse(value, today);
        } catch (IdentityFormatException e) {
            return error("idNumber", e.reason().name(), e.getMessage());
        }
    }

    private ContactPhone phone(String field, String value) {
        try {
            return ContactPhone.parse(value, areaCode);
        } catch (IdentityFormatException e) {
            return error(field, e.reason().name(), e.getMessage());
        }
    }

    private Address address(Address a) {
        if (a == null) {
            return error("address", "REQUIRED", "An address with a street code is required");
        }
        if (a.streetCode() == null || !STREET.matcher(a.streetCode()).matches()) {
            error("address.streetCode", "BAD_STREET_CODE", "A 9-digit street (township) code is required");
        } else if (!a.streetCode().startsWith(county)) {
            error("address.streetCode", "OTHER_COUNTY", "The street must lie in the caller's county");
        }
        if (a.communityCode() != null && (!COMMUNITY.matcher(a.communityCode()).matches()
                || a.streetCode() == null || !a.communityCode().startsWith(a.streetCode()))) {
            error("address.communityCode", "BAD_COMMUNITY_CODE", "A 12-digit community code within the street");
        }
        String line = a.line() == null ? null : a.line().strip();
        if (line == null || line.isEmpty()) {
            error("address.line", "REQUIRED", "The address line is required");
        } else if (line.length() > ADDRESS_LINE_CHARS_MAX || !PRINTABLE.matcher(line).matches()) {
            error("address.line", "BAD_ADDRESS", "At most " + ADDRESS_LINE_CHARS_MAX + " printable characters");
        }
        // a phone or an ID number typed into the line is kept masked, as every answer would show it
        return new Address(a.streetCode(), a.communityCode(), Masks.inText(line));
    }

    private Set<Category> categories(List<Category> list) {
        EnumSet<Category> set = EnumSet.noneOf(Category.class);
        if (list == null) {
            return set;
        }
        for (int i = 0; i < list.size(); i++) {
            Category category = list.get(i);
            if (category == null) {
                error("categories[" + i + "]", "REQUIRED", "A category code is required");
            } else if (!set.add(category)) {
                error("categories[" + i + "]", "DUPLICATE", "Each category at most once");
            }
        }
        return set;
    }

    private void disability(Set<Category> categories, DisabilityLevel level) {
        if (categories.contains(Category.SHINENG) && level == null) {
            error("disabilityLevel", "REQUIRED", "失能 (SHINENG) needs a disability level");
        } else if (!categories.contains(Category.SHINENG) && level != null) {
            error("disabilityLevel", "NOT_APPLICABLE", "A disability level goes only with 失能 (SHINENG)");
        }
    }

    private void ability(Integer level) {
        if (level != null && (level < 0 || level > ABILITY_LEVEL_MAX)) {
            error("abilityLevel", "OUT_OF_RANGE", "An ability assessment level from 0 to " + ABILITY_LEVEL_MAX);
        }
    }

    private Contact contact(EmergencyContact c) {
        String name = name("emergencyContact.name", c.name());
        String relation = c.relation() == null ? null : c.relation().strip();
        if (relation == null || relation.isEmpty() || relation.length() > RELATION_CHARS_MAX
                || !PRINTABLE.matcher(relation).matches()) {
            error("emergencyContact.relation", "BAD_RELATION", "1 to " + RELATION_CHARS_MAX + " characters");
        }
        ContactPhone phone = c.phone() == null
                ? error("emergencyContact.phone", "REQUIRED", "An emergency contact needs a phone")
                : phone("emergencyContact.phone", c.phone());
        return new Contact(name, relation, phone);
    }

    private <T> T error(String field, String code, String detail) {
        errors.add(new FieldError(field, code, detail));
        return null;
    }

    private void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
