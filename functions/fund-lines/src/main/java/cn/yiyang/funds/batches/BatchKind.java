package cn.yiyang.funds.batches;

import java.util.Locale;
import java.util.Optional;

/**
 * What a batch pays, from which fund line, and under what cause: the monthly 高龄津贴 to residents,
 * or the 一床一码 operating subsidy to institutions.
 */
public enum BatchKind {
    ALLOWANCE("LONGEVITY_ALLOWANCE", "ALLOWANCE", "allowance"),
    BED("INSTITUTION_SUBSIDY", "BED", "beds");

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

    /** As in {@code /v1/batch-policies/allowance} and {@code /v1/batch-policies/beds}. */
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
