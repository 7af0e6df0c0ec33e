package dev.hermitcloud.gce;

import dev.hermitcloud.provider.NameAlternations;
import java.util.Collection;
import java.util.List;

/**
 * Compute list filters that match resources by name, for reading many names with one list call. They use
 * the regular-expression form, {@code name eq "(a|b)"}: Google documents it as RE2 syntax that "must match
 * the entire field", and that the regex and AIP-160 forms cannot be mixed in one request
 * (https://cloud.google.com/compute/docs/reference/rest/v1/instances/list, parameter {@code filter}).
 * Compute names (RFC 1035: lower-case letters, digits, hyphens) hold no RE2 metacharacters, and the
 * alternatives callers pass are themselves patterns (a firewall set's member names).
 */
final class NameFilter {
  /**
   * The page size asked for: Google's maximum and default for compute lists ({@code maxResults}, "Acceptable
   * values are 0 to 500, inclusive", same page); the client follows {@code nextPageToken} for the rest.
   */
  static final int MAX_RESULTS = 500;

  /** Keeps each request's URL far below the few kilobytes Google's front ends accept. */
  private static final int MAX_FILTER_CHARS = 2000;

  private NameFilter() {}

  /** One filter per group of {@code patterns}, together matching a name that fully matches any of them. */
  static List<String> anyOf(Collection<String> patterns) {
    return NameAlternations.of(patterns, MAX_FILTER_CHARS).stream().map(group -> "name eq \"(" + group + ")\"").toList();
  }
}
