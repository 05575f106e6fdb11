package cn.yiyang.kernel.text;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The free-text rule's settings for one text field of a request record: its length in
 * characters (code points, so 𠮷 counts once), and {@code verbatim} for secrets such as passwords,
 * which are checked for control characters but never trimmed or normalised. Fields without it get
 * {@link FreeText#CHARS_MAX_DEFAULT}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface Text {

    int maxChars() default FreeText.CHARS_MAX_DEFAULT;

    boolean verbatim() default false;
}
