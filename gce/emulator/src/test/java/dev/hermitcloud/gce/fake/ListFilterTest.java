package dev.hermitcloud.gce.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermitcloud.emulator.http.ApiError;
import dev.hermitcloud.emulator.json.Json;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ListFilterTest {
  private static final JsonNode IMAGE = json("{\"name\":\"echo-1a2b\",\"status\":\"READY\","
      + "\"diskSizeGb\":\"10\",\"labels\":{\"hermit-deployment\":\"echo\"},"
      + "\"tags\":{\"items\":[\"web\",\"hermit-echo\"]},\"scheduling\":{\"preemptible\":false}}");

  @Test
  void comparesFieldsAndNestedFields() {
    assertMatches("name = echo-1a2b");
    assertMatches("name = \"echo-1a2b\"");
    assertMatches("labels.hermit-deployment=echo");
    assertMatches("scheduling.preemptible = false");
    assertMatches("name != other");
    assertMatches("diskSizeGb > 9");
    assertMatches("name = echo-*");
    assertRejects("labels.hermit-deployment = other");
    assertRejects("labels.missing = x");
    assertRejects("diskSizeGb < 10");
  }

  @Test
  void hasOperatorTestsPresenceAndMembership() {
    assertMatches("labels.hermit-deployment:*");
    assertRejects("labels.other:*");
    assertMatches("tags.items:web");
    assertRejects("tags.items:db");
  }

  @Test
  void regexOperatorsMatchTheWholeValue() {
    assertMatches("name eq echo-.*");
    assertMatches("name eq 'echo-[0-9a-f]+'");
    assertRejects("name eq echo");
    assertMatches("name ne other-.*");
  }

  @Test
  void combinesWithParenthesesAndOrAndNot() {
    assertMatches("(status = READY) (labels.hermit-deployment = echo)");
    assertMatches("(status = READY) AND (name = echo-1a2b)");
    assertRejects("(status = READY) AND (name = nope)");
    assertMatches("(status = FAILED) OR (name = echo-1a2b)");
    assertMatches("NOT (status = FAILED)");
    assertRejects("NOT status = READY");
  }

  @Test
  void malformedFiltersAreInvalid() {
    for (String bad : new String[] {"name =", "(name = x", "name ~ x", "name = 'open"}) {
      assertThatThrownBy(() -> ListFilter.parse(bad))
          .isInstanceOf(ApiError.class)
          .hasMessageContaining("Invalid list filter expression");
    }
  }

  private static void assertMatches(String filter) {
    assertThat(ListFilter.parse(filter).test(IMAGE)).as(filter).isTrue();
  }

  private static void assertRejects(String filter) {
    Predicate<JsonNode> p = ListFilter.parse(filter);
    assertThat(p.test(IMAGE)).as(filter).isFalse();
  }

  private static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
