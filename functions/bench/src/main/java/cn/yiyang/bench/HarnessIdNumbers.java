package cn.yiyang.bench;

import java.util.concurrent.atomic.AtomicInteger;

/** Made-up ID numbers that pass the GB 11643 checksum: born 1940–1949, a sequence in the order code. */
final class HarnessIdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private HarnessIdNumbers() {
    }

    static String next(String county) {
        int n = SEQUENCE.incrementAndGet();
        String body = county + String.format("194%d%02d%02d%03d", n % 10, 1 + n / 10 % 12, 1 + n / 120 % 28, n / 3360 % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }
}
