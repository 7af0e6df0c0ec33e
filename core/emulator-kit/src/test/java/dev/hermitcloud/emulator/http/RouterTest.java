package dev.hermitcloud.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouterTest {
  private final Router router = new Router()
      .add("GET", "/b/{bucket}/o/{object}", r -> Reply.empty(200))
      .add("GET", "/b/{bucket}/o", r -> Reply.empty(200))
      .add("PATCH", "/b/{bucket}", r -> Reply.empty(200));

  @Test
  void variablesMatchOneSegmentEachAndAreDecodedAfterMatching() {
    var match = router.find("GET", "/b/my-bucket/o/a%2Fb+c").orElseThrow();

    assertThat(match.route().template()).isEqualTo("/b/{bucket}/o/{object}");
    assertThat(match.vars()).containsEntry("bucket", "my-bucket").containsEntry("object", "a/b+c");
  }

  @Test
  void methodLengthLiteralsAndEmptySegmentsMustAllFit() {
    assertThat(router.find("POST", "/b/x/o")).isEmpty();
    assertThat(router.find("GET", "/b/x/o/y/z")).isEmpty();
    assertThat(router.find("GET", "/c/x/o")).isEmpty();
    assertThat(router.find("GET", "/b//o")).isEmpty();
  }

  @Test
  void aTrailingSlashIsIgnored() {
    assertThat(router.find("GET", "/b/x/o/")).map(m -> m.route().template()).contains("/b/{bucket}/o");
  }

  @Test
  void aPathServedByAnotherMethodIsKnown() {
    assertThat(router.knows("/b/x")).isTrue();
    assertThat(router.knows("/nothing")).isFalse();
  }

  @Test
  void mutatingFollowsTheMethodUnlessGiven() {
    Router r = new Router().add("DELETE", "/x", q -> Reply.empty(204))
        .add("POST", "/y", false, q -> Reply.empty(200)).add("GET", "/z", q -> Reply.empty(200));
    assertThat(r.find("DELETE", "/x").orElseThrow().route().mutating().test(null)).isTrue();
    assertThat(r.find("POST", "/y").orElseThrow().route().mutating().test(null)).isFalse();
    assertThat(r.find("GET", "/z").orElseThrow().route().mutating().test(null)).isFalse();
  }
}
