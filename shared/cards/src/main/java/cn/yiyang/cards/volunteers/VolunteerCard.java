package cn.yiyang.cards.volunteers;

import cn.yiyang.kernel.identity.Sex;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A volunteer as a verified person, published by the identity function when the volunteer
 * registers: the birth date and sex are read from the checked ID number, never declared. The time
 * bank reads it to admit a volunteer by the county's ages; no ID number or phone is on it.
 */
public record VolunteerCard(String county, String volunteerId, LocalDate birthDate, Sex sex) {

    public VolunteerCard {
        Objects.requireNonNull(county);
        Objects.requireNonNull(volunteerId);
        Objects.requireNonNull(birthDate);
        Objects.requireNonNull(sex);
    }

    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }
}
