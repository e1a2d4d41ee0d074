package io.octopuses.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Checks {@link PlainText} (public only because Bean Validation instantiates it reflectively). The message
 * parameters {@code kind}, {@code codePoint} and {@code position} describe the first offender.
 */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    private boolean allowNewlines;

    @Override
    public void initialize(PlainText annotation) {
        this.allowNewlines = annotation.allowNewlines();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int position = 0;
        for (int index = 0; index < value.length(); ) {
            int codePoint = Character.codePointAt(value, index);
            index += Character.charCount(codePoint);
            position++;
            UnsafeCharacter unsafe = UnsafeCharacter.of(codePoint);
            if (unsafe == null || (allowNewlines && (unsafe == UnsafeCharacter.LINE_BREAK || unsafe == UnsafeCharacter.TAB))) {
                continue;
            }
            // message parameters, not text spliced into the template: the value never reaches the interpolator
            context.unwrap(HibernateConstraintValidatorContext.class)
                    .addMessageParameter("kind", unsafe.description())
                    .addMessageParameter("codePoint", UnsafeCharacter.notation(codePoint))
                    .addMessageParameter("position", position);
            return false;
        }
        return true;
    }
}
