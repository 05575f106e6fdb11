package cn.yiyang.funds.ledger;

/** APPROPRIATION: SOURCE to BUDGET. PAYMENT: out of a budget (or between accounts of a line). REVERSAL: undoes a posted transfer it names. */
public enum TransferKind {
    APPROPRIATION, PAYMENT, REVERSAL
}
