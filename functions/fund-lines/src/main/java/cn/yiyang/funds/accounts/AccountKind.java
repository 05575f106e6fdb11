package cn.yiyang.funds.accounts;

/** SOURCE: the treasury side of a fund line (no floor). BUDGET: a line's money for a fiscal year. PAYEE: who is paid. */
public enum AccountKind {
    SOURCE, BUDGET, PAYEE
}
