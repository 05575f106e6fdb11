package cn.yiyang.kernel.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field of an answer that may be null, and so is absent from the JSON (the mapper leaves nulls
 * out). Every other field of an answer is always present: the API document lists it as required,
 * and the scenario tests hold every answer to that.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Nullable {
}
