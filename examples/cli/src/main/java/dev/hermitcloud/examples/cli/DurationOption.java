package dev.hermitcloud.examples.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A positive duration on the command line as people write it: {@code 90s}, {@code 5m}, {@code 1h}, or
 * {@code 1m30s}.
 *
 * <pre>{@code
 * @Option(names = "--health-timeout", converter = DurationOption.class) Duration healthTimeout;
 * }</pre>
 */
final class DurationOption implements ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value.trim());
    if (value.isBlank() || !m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a duration: write it as 90s, 5m, 1h or 1m30s");
    }
    Duration d = Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3));
    if (d.isZero()) {
      throw new TypeConversionException("'" + value + "' is no time at all: give a positive duration such as 90s");
    }
    return d;
  }

  private static long part(Matcher m, int group) {
    return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
  }
}
