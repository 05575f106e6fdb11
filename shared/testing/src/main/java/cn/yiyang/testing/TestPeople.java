package cn.yiyang.testing;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid identities for tests: ID numbers with a correct GB 11643 check digit, mobile numbers. */
public final class TestPeople {

    private static final int SEQUENCES_PER_DATE = 1_000;
    private static final Set<String> ISSUED_ID_BODIES = ConcurrentHashMap.newKeySet();

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private TestPeople() {
    }

    public static String idNumber(LocalDate birthDate) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // One birth date has only 1,000 sequence numbers: tests that fix the date (a 29 February) drew the same
        // number twice in one JVM and the second registration was refused. Never hand out one twice.
        for (int attempt = 0; attempt < SEQUENCES_PER_DATE * 4; attempt++) {
            String body = "330105" + birthDate.toString().replace("-", "") + String.format("%03d", random.nextInt(SEQUENCES_PER_DATE));
            if (ISSUED_ID_BODIES.add(body)) {
                return IssuedPii.remember(body + checkDigit(body));
            }
        }
        throw new IllegalStateException("no unused ID number left for the birth date " + birthDate);
    }

    /** A valid ID number of someone aged 60 to 99. */
    public static String idNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return idNumber(LocalDate.of(1927, 1, 1).plusDays(random.nextInt(365 * 38)));
    }

    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public static String phone() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return IssuedPii.remember("13" + random.nextInt(9) + String.format("%08d", random.nextInt(100_000_000)));
    }

    /** A Hangzhou landline, {@code 0571-8xxxxxxx}: the county 330105's area code. */
    public static String landline() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return IssuedPii.remember("0571-8" + String.format("%07d", random.nextInt(10_000_000)));
    }

    /** A name no other test registers: 测 and three characters of a fixed set, as the registry accepts. */
    public static String uniqueName() {
        String han = "安柏春德恩芳光海华慧佳建杰娟康兰丽琳梅敏明宁平琴荣瑞珊淑婷伟文霞秀雪燕英玉珍志";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder name = new StringBuilder("测");
        for (int i = 0; i < 3; i++) {
            name.append(han.charAt(random.nextInt(han.length())));
        }
        return name.toString();
    }
}
