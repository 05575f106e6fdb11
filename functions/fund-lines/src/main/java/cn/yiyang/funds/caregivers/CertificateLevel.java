package cn.yiyang.funds.caregivers;

import java.util.Locale;
import java.util.Optional;

/** 养老护理员 vocational certificate levels, each a stable code: 初级, 中级, 高级, 技师. */
public enum CertificateLevel {
    JUNIOR("初级"), INTERMEDIATE("中级"), SENIOR("高级"), TECHNICIAN("技师");

    private final String label;

    CertificateLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<CertificateLevel> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(code.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
