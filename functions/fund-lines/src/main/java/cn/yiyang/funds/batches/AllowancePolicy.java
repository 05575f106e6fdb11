package cn.yiyang.funds.batches;

import cn.yiyang.kernel.problem.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The county's 高龄津贴 age bands: the age a resident has reached at month end decides the monthly amount. */
@RegisterForReflection
public record AllowancePolicy(List<Band> bands) {

    public static final int BANDS_MAX = 10;
    public static final int AGE_MIN = 60;
    public static final int AGE_MAX = 150;
    /** ¥10,000 a month: no allowance band pays more. */
    public static final long BAND_AMOUNT_FEN_MAX = 1_000_000;

    /** 80–89 ¥50, 90–99 ¥100, 100 and over ¥300 a month. */
    public static final AllowancePolicy DEFAULT = new AllowancePolicy(List.of(
            new Band(80, 89, 5_000L), new Band(90, 99, 10_000L), new Band(100, null, 30_000L)));

    /** {@code toAge} null: no upper bound. Ages are inclusive. */
    @RegisterForReflection
    public record Band(Integer fromAge, Integer toAge, Long amountFen) {

        public String label() {
            return toAge == null ? fromAge + "+" : fromAge + "-" + toAge;
        }

        boolean covers(int age) {
            return age >= fromAge && (toAge == null || age <= toAge);
        }
    }

    public Optional<Band> bandFor(int age) {
        return bands.stream().filter(b -> b.covers(age)).findFirst();
    }

    public int youngestAge() {
        return bands.stream().mapToInt(Band::fromAge).min().orElseThrow();
    }

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (bands == null || bands.isEmpty() || bands.size() > BANDS_MAX) {
            errors.add(new FieldError("bands", "OUT_OF_RANGE", "1 to " + BANDS_MAX + " age bands"));
            return errors;
        }
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            String at = "bands[" + i + "]";
            if (b == null || b.fromAge() == null || b.fromAge() < AGE_MIN || b.fromAge() > AGE_MAX) {
                errors.add(new FieldError(at + ".fromAge", "OUT_OF_RANGE", AGE_MIN + " to " + AGE_MAX));
            } else if (b.toAge() != null && (b.toAge() < b.fromAge() || b.toAge() > AGE_MAX)) {
                errors.add(new FieldError(at + ".toAge", "OUT_OF_RANGE", "fromAge to " + AGE_MAX + ", or null for no bound"));
            }
            if (b == null || b.amountFen() == null || b.amountFen() < 1 || b.amountFen() > BAND_AMOUNT_FEN_MAX) {
                errors.add(new FieldError(at + ".amountFen", "OUT_OF_RANGE", "1 to " + BAND_AMOUNT_FEN_MAX + " fen a month"));
            }
        }
        if (errors.isEmpty()) {
            List<Band> sorted = bands.stream().sorted(Comparator.comparing(Band::fromAge)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                Band before = sorted.get(i - 1);
                if (before.toAge() == null || before.toAge() >= sorted.get(i).fromAge()) {
                    errors.add(new FieldError("bands", "OVERLAPPING", "Age bands must not overlap"));
                    break;
                }
            }
        }
        return errors;
    }
}
