package cn.yiyang.funds.batches;

import cn.yiyang.funds.caregivers.CertificateLevel;
import cn.yiyang.kernel.problem.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The county's 岗位津贴 rate: fen per bed-day for each certificate level, in force from {@code effectiveFrom}.
 * Versions are kept (a PUT adds one); a day is paid at the rate of the highest version in force on that day,
 * so a change mid-month pays the days before it at the old rate and the days from it at the new.
 */
@RegisterForReflection
public record CaregiverPostPolicy(String effectiveFrom, Rates ratesFen) {

    /** ¥100 a bed-day: no caregiver post pays more. */
    public static final long RATE_FEN_MAX = 10_000;
    /** The built-in default is in force from this day on: before any county's first batch. */
    public static final String DEFAULT_FROM = "2000-01-01";

    /** ¥2, ¥3, ¥4, ¥5 a bed-day for 初级, 中级, 高级, 技师. */
    public static final CaregiverPostPolicy DEFAULT = new CaregiverPostPolicy(DEFAULT_FROM, new Rates(200L, 300L, 400L, 500L));

    @RegisterForReflection
    public record Rates(Long junior, Long intermediate, Long senior, Long technician) {
    }

    public long rateFen(CertificateLevel level) {
        return switch (level) {
            case JUNIOR -> ratesFen.junior();
            case INTERMEDIATE -> ratesFen.intermediate();
            case SENIOR -> ratesFen.senior();
            case TECHNICIAN -> ratesFen.technician();
        };
    }

    public LocalDate from() {
        return LocalDate.parse(effectiveFrom);
    }

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        try {
            if (effectiveFrom == null || !effectiveFrom.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeParseException("not a date", String.valueOf(effectiveFrom), 0);
            }
            LocalDate.parse(effectiveFrom);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("effectiveFrom", "BAD_DATE", "The first day the rates apply, YYYY-MM-DD"));
        }
        if (ratesFen == null) {
            errors.add(new FieldError("ratesFen", "REQUIRED", "junior, intermediate, senior and technician, in fen a bed-day"));
            return errors;
        }
        Long[] values = {ratesFen.junior(), ratesFen.intermediate(), ratesFen.senior(), ratesFen.technician()};
        String[] names = {"junior", "intermediate", "senior", "technician"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i] < 1 || values[i] > RATE_FEN_MAX) {
                errors.add(new FieldError("ratesFen." + names[i], "OUT_OF_RANGE", "1 to " + RATE_FEN_MAX + " fen a bed-day"));
            }
        }
        return errors;
    }
}
