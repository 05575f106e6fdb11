package cn.yiyang.kernel.problem;

/**
 * One invalid field: a JSON path ({@code address.streetCode}), a stable reason code
 * ({@code BAD_CHECKSUM}) and an English detail. Never carries the rejected value: it may be
 * an ID number or a phone.
 */
public record FieldError(String field, String code, String detail) {
}
