package dev.hermitcloud.examples.cli;

import dev.hermitcloud.DeploymentException;
import dev.hermitcloud.Fix;
import dev.hermitcloud.InvalidSpecException;
import dev.hermitcloud.ResourceConflictException;
import dev.hermitcloud.StepFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The SDK's errors in the words of someone typing flags: the spec field becomes the flag that sets it, the
 * Java repair becomes flags, and a corrected command line follows. The SDK's fields are mapped here, in one
 * place; a message whose field has no flag is printed as the SDK wrote it.
 *
 * <pre>
 * hermit deploy --name echo ... --expose tcp:8000
 * error: --from: '[]' is empty: say who may connect with --from 203.0.113.0/24 (or 0.0.0.0/0 for everyone)
 *   try: hermit deploy --name echo ... --expose tcp:8000 --from 203.0.113.0/24
 * </pre>
 */
final class CliWording {
  /** Spec field (without indexes) to the flag that sets it; a field also matches its sub-fields. */
  private static final Map<String, String> FLAGS = Map.ofEntries(
      Map.entry("deployment.name", "--name"),
      Map.entry("unikernel.name", "--name"),
      Map.entry("unikernel.loader", "--loader"),
      Map.entry("unikernel.modules", "--module"),
      Map.entry("deployment.count", "--count"),
      Map.entry("deployment.group", "--group-size"),
      Map.entry("group.size", "--group-size"),
      Map.entry("group.autoscale", "--autoscale"),
      Map.entry("group.rollout", "--rollout"),
      Map.entry("group.healingDelay", "--healing-delay"),
      Map.entry("group.regional", "--regional"),
      Map.entry("deployment.diskGib", "--disk-gib"),
      Map.entry("deployment.health", "--health"),
      Map.entry("deployment.network", "--network"),
      Map.entry("firewall.sources", "--from"),
      Map.entry("firewall.ports", "--expose"),
      Map.entry("port", "--expose"),
      Map.entry("machineType", "--machine-type"),
      Map.entry("target.project", "--project"),
      Map.entry("target.zone", "--zone"),
      Map.entry("target.bucket", "--bucket"),
      Map.entry("target.bucketLocation", "--create-bucket"),
      Map.entry("target.credentialsFile", "--credentials"),
      Map.entry("target.endpoint", "--endpoint"),
      Map.entry("openstack.cloud", "--cloud"),
      Map.entry("openstack.cloudsYaml", "--clouds-yaml"),
      Map.entry("openstack.serverGroup", "--server-group"));
  private static final Pattern INDEX = Pattern.compile("\\[[^]]*]");
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private CliWording() {}

  /** The flag that sets {@code field} (such as {@code firewall.sources[1]}), if the CLI has one. */
  static Optional<String> flag(String field) {
    String path = INDEX.matcher(field).replaceAll("");
    for (String prefix = path; !prefix.isEmpty(); prefix = prefix.contains(".") ? prefix.substring(0, prefix.lastIndexOf('.')) : "") {
      if (FLAGS.containsKey(prefix)) {
        return Optional.of(FLAGS.get(prefix));
      }
    }
    return Optional.empty();
  }

  /**
   * What to print for {@code error}, raised by {@code command} while running {@code hermit args...}: one line,
   * or two with a corrected command; a failed health check names the {@code hermit logs} command for each instance.
   */
  static String describe(Throwable error, CommandSpec command, List<String> args) {
    String text = String.valueOf(error.getMessage());
    if (error instanceof DeploymentException failed) {
      // a command without target options (the demo) destroys what it made: there is no console left to read
      return command.mixins().containsKey("target") ? withLogsCommands(text, failed, targetArgs(command, args))
          : text.replace(" " + DeploymentException.READ_THE_CONSOLE, "");
    }
    Optional<String> errorFlag = Optional.empty();
    String badValue = null;
    if (error instanceof ResourceConflictException taken) {
      errorFlag = Optional.of("--name");
      badValue = taken.deployment();
    }
    if (error instanceof InvalidSpecException bad) {
      errorFlag = flag(bad.field());
      badValue = bad.value();
      if (errorFlag.isPresent() && text.startsWith(bad.field() + ":")) {
        text = errorFlag.get() + text.substring(bad.field().length());
      }
    }
    Optional<Fix> fix = error instanceof InvalidSpecException bad ? bad.fix()
        : error instanceof ResourceConflictException taken ? Optional.of(taken.fix()) : Optional.empty();
    if (fix.isEmpty() || !fix.get().settings().stream().allMatch(s -> flag(s.field()).isPresent())) {
      return text;
    }
    if (!fix.get().java().isEmpty()) {
      text = text.replace(fix.get().java(), flags(fix.get()));
    }
    return text + "\n  try: hermit " + String.join(" ", corrected(args, fix.get(), errorFlag.orElse(null), badValue).stream()
        .map(CliWording::shellWord).toList());
  }

  private static String withLogsCommands(String text, DeploymentException failed, List<String> target) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (StepFailure failure : failed.failures()) {
      int at = text.indexOf(DeploymentException.READ_THE_CONSOLE, from);
      if (at < 0) {
        break;
      }
      List<String> logs = new ArrayList<>(List.of("logs", failure.change().name()));
      logs.addAll(target);
      out.append(text, from, at).append("Read its console: hermit ")
          .append(String.join(" ", logs.stream().map(CliWording::shellWord).toList()));
      from = at + DeploymentException.READ_THE_CONSOLE.length();
    }
    return out.append(text.substring(from)).toString();
  }

  /** The options of {@code args} that say where the target is (the {@code target} mixin's), with their values. */
  private static List<String> targetArgs(CommandSpec command, List<String> args) {
    CommandSpec target = command.mixins().get("target");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i).split("=", 2)[0];
      OptionSpec option = target.findOption(name);
      if (option == null || !name.startsWith("-")) {
        continue;
      }
      out.add(args.get(i));
      boolean takesNext = !args.get(i).contains("=") && option.arity().max() > 0 && i + 1 < args.size()
          && (option.arity().min() > 0 || !args.get(i + 1).startsWith("-"));
      if (takesNext) {
        out.add(args.get(++i));
      }
    }
    return out;
  }

  private static String flags(Fix fix) {
    return String.join(" ", fix.settings().stream().map(s -> flag(s.field()).orElseThrow() + " " + shellWord(s.example())).toList());
  }

  /**
   * {@code args} with the fix applied: a setting of the flag that was wrong replaces the wrong value (or
   * every value of that flag when the value is not one of them); any other setting is added unless given.
   */
  private static List<String> corrected(List<String> args, Fix fix, String errorFlag, String badValue) {
    List<String> out = new ArrayList<>(args);
    for (Fix.Setting setting : fix.settings()) {
      String flag = flag(setting.field()).orElseThrow();
      if (flag.equals(errorFlag) && replace(out, flag, badValue, setting.example())) {
        continue;
      }
      if (flag.equals(errorFlag)) {
        removeAll(out, flag);
      }
      if (!given(out, flag, setting.example())) {
        out.add(flag);
        out.add(setting.example());
      }
    }
    return out;
  }

  private static boolean replace(List<String> args, String flag, String oldValue, String newValue) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(flag) && i + 1 < args.size() && args.get(i + 1).equals(oldValue)) {
        args.set(i + 1, newValue);
        return true;
      }
      if (args.get(i).equals(flag + "=" + oldValue)) {
        args.set(i, flag + "=" + newValue);
        return true;
      }
    }
    return false;
  }

  private static void removeAll(List<String> args, String flag) {
    for (int i = args.size() - 1; i >= 0; i--) {
      if (args.get(i).startsWith(flag + "=")) {
        args.remove(i);
      } else if (args.get(i).equals(flag)) {
        args.remove(i);
        if (i < args.size()) {
          args.remove(i);
        }
      }
    }
  }

  private static boolean given(List<String> args, String flag, String value) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(flag + "=" + value) || args.get(i).equals(flag) && i + 1 < args.size() && args.get(i + 1).equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** {@code word} as a shell reads it back: bare when it has nothing special, else in single quotes. */
  static String shellWord(String word) {
    return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
