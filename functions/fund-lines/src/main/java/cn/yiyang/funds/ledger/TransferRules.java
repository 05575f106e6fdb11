package cn.yiyang.funds.ledger;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.Account;
import cn.yiyang.funds.accounts.AccountKind;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.text.FreeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger's rules for a request that makes a transfer, checked in a fixed precedence (the first
 * failing stage answers): its fields, then its key (an earlier transfer under the same key is
 * replayed, or refused as {@code EXISTS_WITH_*}), then its accounts ({@code SAME_ACCOUNT},
 * {@code FUND_LINE_MISMATCH}, {@code SOURCE_NOT_PAYABLE}), then the funds ({@code INSUFFICIENT_FUNDS}).
 * Pure: the accounts and the earlier transfer are read by the caller.
 */
public final class TransferRules {

    /** ¥1,000,000,000 in fen: no single transfer is larger. */
    public static final long AMOUNT_FEN_MAX = 100_000_000_000L;
    public static final int MEMO_CHARS_MAX = 200;
    public static final int CAUSE_REF_CHARS_MAX = 200;
    public static final int FISCAL_YEAR_MIN = 2000;
    public static final int FISCAL_YEAR_MAX = 2100;
    public static final Set<String> CAUSE_TYPES = Set.of("BED", "MEAL", "BOOKING", "ALLOWANCE", "OTHER");

    private TransferRules() {
    }

    /** What a request under a key comes to once its key and accounts pass: a replay of the earlier answer, or a new transfer. */
    public sealed interface Decision {
        record Replay(Transfer earlier) implements Decision {
        }

        record Make(NewTransfer transfer) implements Decision {
        }
    }

    public static List<FieldError> fieldErrors(TransferRequests.Payment r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.debitAccountId() == null) {
            errors.add(new FieldError("debitAccountId", "REQUIRED", "The account paying"));
        }
        if (r.creditAccountId() == null) {
            errors.add(new FieldError("creditAccountId", "REQUIRED", "The account paid"));
        }
        checkAmount(r.amountFen(), errors);
        checkMemo(r.memo(), errors);
        if ((r.causeType() == null) != (r.causeRef() == null)) {
            errors.add(new FieldError("causeRef", "CAUSE_INCOMPLETE", "causeType and causeRef go together"));
        } else if (r.causeType() != null && (!CAUSE_TYPES.contains(r.causeType()) || r.causeRef().isBlank()
                || FreeText.length(r.causeRef()) > CAUSE_REF_CHARS_MAX)) {
            errors.add(new FieldError("causeType", "BAD_CAUSE", "One of " + CAUSE_TYPES + " with a reference of 1 to "
                    + CAUSE_REF_CHARS_MAX + " characters"));
        }
        return errors;
    }

    public static List<FieldError> fieldErrors(TransferRequests.Appropriation r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.fundLine() == null || r.fundLine().isBlank()) {
            errors.add(new FieldError("fundLine", "REQUIRED", "A fund line code"));
        }
        if (r.fiscalYear() == null || r.fiscalYear() < FISCAL_YEAR_MIN || r.fiscalYear() > FISCAL_YEAR_MAX) {
            errors.add(new FieldError("fiscalYear", "OUT_OF_RANGE", "A fiscal year, " + FISCAL_YEAR_MIN + " to " + FISCAL_YEAR_MAX));
        }
        checkAmount(r.amountFen(), errors);
        checkMemo(r.memo(), errors);
        return errors;
    }

    public static List<FieldError> fieldErrors(TransferRequests.Reversal r) {
        List<FieldError> errors = new ArrayList<>();
        checkMemo(r.memo(), errors);
        return errors;
    }

    /** Refuses the request when any field is wrong, naming every wrong field. */
    public static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** Key, then accounts, then funds: the stages after the fields, once the accounts are read. */
    public static Decision decide(Optional<Transfer> earlier, NewTransfer t, String maker) {
        if (earlier.isPresent()) {
            checkSameRequest(earlier.get(), t, maker);
            return new Decision.Replay(earlier.get());
        }
        checkAccounts(t);
        checkFunds(t);
        return new Decision.Make(t);
    }

    /** The key stage: an earlier transfer under the key must be this very request again. */
    public static void checkSameRequest(Transfer earlier, NewTransfer t, String maker) {
        if (earlier.amountFen() != t.amountFen()) {
            throw new ApiException(FundProblem.EXISTS_WITH_DIFFERENT_AMOUNT,
                    "A transfer with this key exists with a different amount");
        }
        if (!t.sameAs(earlier, maker)) {
            throw new ApiException(FundProblem.EXISTS_WITH_DIFFERENT_FIELDS,
                    "A transfer with this key exists with different accounts, kind, cause, memo or maker");
        }
    }

    /** The accounts stage: two accounts of one fund line, and a SOURCE is debited only by an appropriation. */
    public static void checkAccounts(NewTransfer t) {
        Account debit = t.debit();
        Account credit = t.credit();
        if (debit.id().equals(credit.id())) {
            throw new ApiException(FundProblem.SAME_ACCOUNT, "Debit and credit are the same account");
        }
        if (!debit.fundLineId().equals(credit.fundLineId())) {
            throw new ApiException(FundProblem.FUND_LINE_MISMATCH, "Debit and credit accounts are in different fund lines");
        }
        if (t.kind() == TransferKind.PAYMENT && debit.kind() == AccountKind.SOURCE) {
            throw new ApiException(FundProblem.SOURCE_NOT_PAYABLE, "A SOURCE account is debited only by an appropriation");
        }
    }

    /**
     * The funds stage, on the debit account as read in this transaction. The reservation's guarded
     * UPDATE ({@code Balances.reserve}) decides again under concurrency, with the same answer.
     */
    public static void checkFunds(NewTransfer t) {
        if (t.debit().floorEnforced() && t.debit().available() < t.amountFen()) {
            throw insufficientFunds(t.amountFen());
        }
    }

    public static ApiException insufficientFunds(long amountFen) {
        return new ApiException(FundProblem.INSUFFICIENT_FUNDS, "The debit account cannot cover " + amountFen + " fen");
    }

    /** A correction names a posted transfer that is not itself a reversal. */
    public static void checkReversible(Transfer original) {
        if (original.status() != TransferStatus.POSTED || original.kind() == TransferKind.REVERSAL) {
            throw new ApiException(FundProblem.TRANSFER_NOT_POSTED,
                    "Only a posted transfer that is not itself a reversal can be reversed");
        }
    }

    /** What a replay answers: the first answer, rebuilt from the immutable row, marked as replayed. */
    public static Reply replay(Transfer earlier) {
        return new Reply(201, StrictJson.write(TransferView.asCreated(earlier)),
                Map.of("idempotent-replayed", "true"));
    }

    private static void checkAmount(Long amountFen, List<FieldError> errors) {
        if (amountFen == null || amountFen < 1 || amountFen > AMOUNT_FEN_MAX) {
            errors.add(new FieldError("amountFen", "OUT_OF_RANGE", "A whole number of fen, 1 to " + AMOUNT_FEN_MAX));
        }
    }

    private static void checkMemo(String memo, List<FieldError> errors) {
        if (memo != null && FreeText.length(memo) > MEMO_CHARS_MAX) {
            errors.add(new FieldError("memo", "TOO_LONG", "At most " + MEMO_CHARS_MAX + " characters"));
        }
    }
}
