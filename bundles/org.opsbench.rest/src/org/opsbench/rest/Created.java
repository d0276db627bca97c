package org.opsbench.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @POST} resource method that creates a resource: it answers 201 (Created) with a {@code Location}
 * header, the request's path followed by the value of the answer's record component named here. A {@code @POST} without
 * it answers 200 with its body (an action such as a transition or a run), or 204 when it returns nothing.
 * <p>
 * {@code @Created("reference")} on {@code POST /api/v1/tickets} answering a ticket whose {@code reference} is
 * {@code INC-000123} sends {@code Location: /api/v1/tickets/INC-000123}; a dotted name reaches into a nested record
 * ({@code "token.id"}).
 *
 * @since 1.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Created {

    /** The record component of the answer that names the new resource under the request's path. */
    String value();
}
