package cn.yiyang.funds.accounts;

/** Who a payee account pays: a care institution, a meal point's operator, a care provider, a resident, or someone else. */
public enum PayeeType {
    INSTITUTION, MEAL_POINT, PROVIDER, RESIDENT, OTHER
}
