package cn.yiyang.funds.batches;

import java.util.Locale;
import java.util.Optional;

/**
 * What a batch pays, from which fund line, and under what cause: the monthly 高龄津贴 to residents,
 * the 一床一码 operating subsidy to institutions, or the 岗位津贴 to the care homes' certified caregivers.
 */
public enum BatchKind {
    ALLOWANCE("LONGEVITY_ALLOWANCE", "ALLOWANCE", "allowance"),
    BED("INSTITUTION_SUBSIDY", "BED", "beds"),
    CAREGIVER_POST("INSTITUTION_SUBSIDY", "CAREGIVER_POST", "caregiver-posts");

    private final String fundLine;
    private final String causeType;
    private final String pathName;

    BatchKind(String fundLine, String causeType, String pathName) {
        this.fundLine = fundLine;
        this.causeType = causeType;
        this.pathName = pathName;
    }

    public String fundLine() {
        return fundLine;
    }

    public String causeType() {
        return causeType;
    }

    /** Whom the items pay: residents and caregivers get payee accounts opened by the batch; institutions have theirs. */
    public String payeeType() {
        return switch (this) {
            case ALLOWANCE -> "RESIDENT";
            case CAREGIVER_POST -> "CAREGIVER";
            case BED -> "INSTITUTION";
        };
    }

    /**
     * A month of beds or caregiver posts is read by SQL and planned whole in its request, and only a finished
     * month (its bed-days are known); an allowance reads resident cards, possibly a county's worth, by a job.
     */
    public boolean plannedFromBeds() {
        return this != ALLOWANCE;
    }

    /** As in {@code /v1/batch-policies/allowance}, {@code /v1/batch-policies/beds}, {@code /v1/batch-policies/caregiver-posts}. */
    public String pathName() {
        return pathName;
    }

    public static Optional<BatchKind> ofPath(String name) {
        for (BatchKind kind : values()) {
            if (kind.pathName.equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static Optional<BatchKind> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
