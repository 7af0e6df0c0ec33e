package dev.hermitcloud.gce.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code filter} of compute list calls: comparisons {@code field OP value} with {@code =},
 * {@code !=}, {@code >}, {@code <}, {@code :} (has; {@code :*} means present) and the regex
 * operators {@code eq} / {@code ne} (full match), on dotted paths such as {@code labels.env};
 * combined with parentheses, {@code AND} (also implicit), {@code OR} and {@code NOT}. The two
 * syntaxes, regex ({@code eq}/{@code ne}, comparisons side by side) and AIP-160 (the other operators and
 * the keywords), "cannot be mixed in one request"
 * (https://cloud.google.com/compute/docs/reference/rest/v1/instances/list: filter): a mix is a 400.
 */
final class ListFilter {
  private final List<String> tokens;
  private final String source;
  private int pos;
  private boolean regexSyntax;
  private boolean aipSyntax;

  private ListFilter(String source) {
    this.source = source;
    this.tokens = tokenize(source);
  }

  /** Parses a filter; null or blank matches everything. */
  static Predicate<JsonNode> parse(String filter) {
    if (filter == null || filter.isBlank()) {
      return n -> true;
    }
    ListFilter parser = new ListFilter(filter);
    Predicate<JsonNode> p = parser.or();
    if (parser.pos != parser.tokens.size() || parser.regexSyntax && parser.aipSyntax) {
      throw parser.invalid();
    }
    return p;
  }

  private Predicate<JsonNode> or() {
    Predicate<JsonNode> left = and();
    while (peekWord("OR")) {
      aipSyntax = true;
      pos++;
      left = left.or(and());
    }
    return left;
  }

  private Predicate<JsonNode> and() {
    Predicate<JsonNode> left = unary();
    while (pos < tokens.size() && !tokens.get(pos).equals(")") && !peekWord("OR")) {
      if (peekWord("AND")) {
        aipSyntax = true;
        pos++;
      }
      left = left.and(unary());
    }
    return left;
  }

  private Predicate<JsonNode> unary() {
    if (pos >= tokens.size()) {
      throw invalid();
    }
    if (peekWord("NOT") || tokens.get(pos).equals("-")) {
      aipSyntax = true;
      pos++;
      return unary().negate();
    }
    if (tokens.get(pos).equals("(")) {
      pos++;
      Predicate<JsonNode> inner = or();
      expect(")");
      return inner;
    }
    return comparison();
  }

  private Predicate<JsonNode> comparison() {
    String field = next();
    String op = next();
    String value = unquote(next());
    String pointer = "/" + field.replace(".", "/");
    if (op.equals("eq") || op.equals("ne")) {
      regexSyntax = true;
    } else {
      aipSyntax = true;
    }
    switch (op) {
      case "=":
        return n -> anyValue(n.at(pointer), v -> glob(value).matcher(v).matches());
      case "!=":
        return n -> !anyValue(n.at(pointer), v -> glob(value).matcher(v).matches());
      case ">":
        return n -> anyValue(n.at(pointer), v -> compare(v, value) > 0);
      case "<":
        return n -> anyValue(n.at(pointer), v -> compare(v, value) < 0);
      case ":":
        return value.equals("*")
            ? n -> !n.at(pointer).isMissingNode() && !n.at(pointer).isNull()
            : n -> anyValue(n.at(pointer), v -> v.equals(value));
      case "eq":
      case "ne":
        Pattern regex = regex(value);
        Predicate<JsonNode> eq = n -> anyValue(n.at(pointer), v -> regex.matcher(v).matches());
        return op.equals("eq") ? eq : eq.negate();
      default:
        throw invalid();
    }
  }

  /** Arrays match when any element does; absent fields never match. */
  private static boolean anyValue(JsonNode node, Predicate<String> test) {
    if (node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (node.isArray()) {
      for (JsonNode e : node) {
        if (anyValue(e, test)) {
          return true;
        }
      }
      return false;
    }
    if (node.isObject()) {
      return false;
    }
    return test.test(node.asText());
  }

  private static int compare(String a, String b) {
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }

  private static Pattern glob(String value) {
    StringBuilder re = new StringBuilder();
    String[] parts = value.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        re.append(".*");
      }
      re.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(re.toString());
  }

  private Pattern regex(String value) {
    try {
      return Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      throw invalid();
    }
  }

  private boolean peekWord(String word) {
    return pos < tokens.size() && tokens.get(pos).equals(word);
  }

  private String next() {
    if (pos >= tokens.size()) {
      throw invalid();
    }
    return tokens.get(pos++);
  }

  private void expect(String token) {
    if (!next().equals(token)) {
      throw invalid();
    }
  }

  private static String unquote(String token) {
    if (token.length() >= 2 && (token.startsWith("\"") && token.endsWith("\"")
        || token.startsWith("'") && token.endsWith("'"))) {
      return token.substring(1, token.length() - 1);
    }
    return token;
  }

  private ApiError invalid() {
    return GoogleErrors.invalidField("filter", source, "Invalid list filter expression.");
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == '=' || c == '<' || c == '>' || c == ':') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '!' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
        out.add("!=");
        i += 2;
      } else if (c == '"' || c == '\'') {
        int end = s.indexOf(c, i + 1);
        if (end < 0) {
          throw GoogleErrors.invalidField("filter", s, "Invalid list filter expression.");
        }
        out.add(s.substring(i, end + 1));
        i = end + 1;
      } else {
        int start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))
            && "()=<>:!\"'".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        if (start == i) {
          throw GoogleErrors.invalidField("filter", s, "Invalid list filter expression.");
        }
        out.add(s.substring(start, i));
      }
    }
    return out;
  }
}
