package io.octopuses.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated text (any {@link CharSequence}; {@code null} is valid) is plain, visible text: no control characters
 * (C0, DEL, C1; line breaks and tabs only with {@link #allowNewlines()}), no lone surrogates, no bidirectional
 * controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, the "Trojan Source" characters), no other
 * invisible format characters (Unicode category Cf: U+200B–U+200D, U+2060–U+2064, U+FEFF, U+00AD, tag
 * characters...) and no U+2028/U+2029. Such characters forge log lines and make one name look like another.
 * The message names the first offending character and its position, e.g. "must be plain text, but has a
 * bidirectional control character U+202E at position 4".
 *
 * <p>Works on fields, record components, parameters and type arguments ({@code Map<@PlainText String, @PlainText String>}).
 * Positions count code points from 1.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default "must be plain text, but has {kind} {codePoint} at position {position}";

    /** Allows LF, CR and TAB, for multi-line text such as a description or a comment. */
    boolean allowNewlines() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
