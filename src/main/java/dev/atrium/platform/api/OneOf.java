package dev.atrium.platform.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum field of a request record, spelled as the API spells enums ({@code in_progress}; see {@link EnumIds}). It
 * is checked with the record's other constraints, so a body with a wrong enum value and a too-long title answers one
 * 400 that lists both; the record's typed accessor ({@code EnumIds.fromId}) then never fails. Null is valid (use
 * {@code @NotNull} where a value is required).
 */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    Class<? extends Enum<?>> value();

    String message() default "must be one of {values}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts the API's ids of the enum's constants. */
    class Validator implements ConstraintValidator<OneOf, String> {

        private String[] ids;

        @Override
        public void initialize(OneOf annotation) {
            ids = Arrays.stream(annotation.value().getEnumConstants())
                    .map(EnumIds::idOf)
                    .toArray(String[]::new);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Arrays.asList(ids).contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            "must be one of " + Arrays.stream(ids).collect(Collectors.joining(", ")))
                    .addConstraintViolation();
            return false;
        }
    }
}
