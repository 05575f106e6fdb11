package cn.yiyang.funds.ledger;

import cn.yiyang.funds.accounts.Account;
import cn.yiyang.funds.accounts.AccountKind;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Accounts and transfers as the ledger reads them, made in memory for the rules' unit tests. */
final class LedgerExamples {

    static final String MAKER = "officer-1";
    static final UUID MEAL_LINE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID SERVICE_LINE = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 20, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    private LedgerExamples() {
    }

    static Account source(UUID line) {
        return account(line, AccountKind.SOURCE, false, 0, 0);
    }

    /** A budget whose posted credits are {@code creditsFen}, of which {@code reservedFen} are reserved by pending debits. */
    static Account budget(UUID line, long creditsFen, long reservedFen) {
        return account(line, AccountKind.BUDGET, true, creditsFen, reservedFen);
    }

    static Account payee(UUID line) {
        return account(line, AccountKind.PAYEE, true, 0, 0);
    }

    private static Account account(UUID line, AccountKind kind, boolean floorEnforced, long creditsPosted, long debitsPending) {
        return new Account(UUID.randomUUID(), line, line.equals(MEAL_LINE) ? "MEAL_SUBSIDY" : "SERVICE_SUBSIDY", kind,
                kind == AccountKind.BUDGET ? 2026 : null, kind == AccountKind.PAYEE ? "MEAL_POINT" : null,
                kind == AccountKind.PAYEE ? "mp-1" : null, kind.name(), floorEnforced, debitsPending, 0, 0, creditsPosted);
    }

    static NewTransfer payment(Account debit, Account credit, long amountFen) {
        return new NewTransfer(debit, credit, amountFen, TransferKind.PAYMENT, null, null, null, null);
    }

    /** The transfer a request made, as stored: pending, made by {@code maker}, approved so far by {@code approvers}. */
    static Transfer made(NewTransfer t, String maker, int requiredApprovals, List<String> approvers) {
        return stored(t, maker, requiredApprovals, approvers, TransferStatus.PENDING);
    }

    static Transfer stored(NewTransfer t, String maker, int requiredApprovals, List<String> approvers, TransferStatus status) {
        return new Transfer(UUID.randomUUID(), "330105", "key-1", t.debit().fundLineId(), t.debit().fundLine(),
                t.debit().id(), t.credit().id(), t.amountFen(), t.kind(), t.reversesId(), t.causeType(), t.causeRef(),
                t.memo(), maker, requiredApprovals, NOW.minusHours(1), NOW.plusHours(167), status, null, null, null,
                List.copyOf(approvers), null);
    }
}
