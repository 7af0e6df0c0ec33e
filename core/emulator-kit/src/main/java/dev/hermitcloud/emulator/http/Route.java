package dev.hermitcloud.emulator.http;

import java.util.function.Predicate;

/**
 * One API operation: a method and a path template such as {@code /compute/v2.1/servers/{id}}. The
 * key {@code "METHOD template"} is what requests are counted under and fault rules match.
 *
 * @param mutating whether a call may change state, for the mutating counter and fault rules
 */
public record Route(String method, String template, Predicate<Request> mutating, Handler handler) {

  /** The method and template as one key, e.g. {@code POST /compute/v2.1/servers}. */
  public String key() {
    return method + " " + template;
  }
}
