package cn.yiyang.funds.ledger;

import cn.yiyang.kernel.problem.ApiException;
import java.util.List;

/**
 * The client keys the ledger makes transfers under itself: a batch item's ({@code allowance:},
 * {@code beds:}, a failed payment offered again {@code retry:}), a settlement's ({@code meal:},
 * {@code booking:}) and a bank-returned payment's reversal ({@code bank-return:}). A client's
 * Idempotency-Key is a transfer's client key too, so one in this namespace is refused: otherwise a
 * request could take a key a batch or a settlement is about to pay under.
 */
public final class ReservedKeys {

    public static final List<String> PREFIXES = List.of("allowance:", "beds:", "retry:", "meal:", "booking:", "bank-return:");

    private ReservedKeys() {
    }

    public static void refuseReserved(String clientKey) {
        for (String prefix : PREFIXES) {
            if (clientKey.startsWith(prefix)) {
                throw ApiException.invalid("Idempotency-Key", "RESERVED_KEY",
                        "Keys starting with " + prefix + " are the ledger's own; choose another key");
            }
        }
    }
}
