package cn.yiyang.funds.beds;

import java.util.Locale;
import java.util.Optional;

/** 自理 / 轻度 / 中度 / 重度失能: the resident card's disability level, or NONE when it has none. */
public enum CareLevel {
    NONE, MILD, MODERATE, SEVERE;

    /** The level a resident card states (MILD, MODERATE, SEVERE or nothing). */
    public static CareLevel ofCard(String disabilityLevel) {
        return disabilityLevel == null ? NONE : parse(disabilityLevel).orElse(NONE);
    }

    public static Optional<CareLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
