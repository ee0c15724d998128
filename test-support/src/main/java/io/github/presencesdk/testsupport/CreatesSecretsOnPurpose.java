package io.github.presencesdk.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of this package whose code creates exceptions holding a secret on purpose: the
 * tests of the scan itself. {@link ExceptionWatch} leaves out the exceptions such a class, or a
 * class nested in it, creates. Package-private, so that no test elsewhere can silence the scan.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface CreatesSecretsOnPurpose {}
