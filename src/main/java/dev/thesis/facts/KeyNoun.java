package dev.thesis.facts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the keys of a bound record are called in messages, where "key" says too little: {@code
 * unknown expectation "verdict"}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KeyNoun {
  String value();
}
