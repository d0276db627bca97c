package org.opsbench.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documentation of a resource method (or class) that the OpenAPI generator copies into the document. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ApiDoc {

    /** One line: what the operation does. */
    String summary();

    /** More text, optional. */
    String description() default "";
}
