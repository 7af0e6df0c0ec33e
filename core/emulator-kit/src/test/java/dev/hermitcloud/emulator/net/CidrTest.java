package dev.hermitcloud.emulator.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {
  @Test
  void parsesRangesAndBareAddressesClearingHostBits() {
    assertThat(Cidr.parse("10.0.0.5/24")).hasToString("10.0.0.0/24");
    assertThat(Cidr.parse("127.0.0.1").prefixLength()).isEqualTo(32);
    assertThat(Cidr.parse("2001:db8::/32").isIpv6()).isTrue();
    assertThat(Cidr.parse("::/0")).hasToString("::/0");
  }

  @Test
  void refusesWhatIsNotALiteralRange() {
    for (String bad : new String[] {"", "localhost", "10.0.0.0/33", "10.0.0/8", "1.2.3.4/x",
        "::1/129", "::ffff:1.2.3.4", " 10.0.0.0/8", "10.0.0.0/-1"}) {
      assertThat(Cidr.tryParse(bad)).as(bad).isEmpty();
    }
    assertThat(Cidr.tryParse(null)).isEmpty();
    assertThatThrownBy(() -> Cidr.parse("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void containsOnlyAddressesOfItsFamilyAndRange() {
    Cidr loopback = Cidr.parse("127.0.0.0/8");
    assertThat(loopback.contains("127.1.2.3")).isTrue();
    assertThat(loopback.contains("128.0.0.1")).isFalse();
    assertThat(loopback.contains("::1")).isFalse();
    assertThat(loopback.contains("not-an-address")).isFalse();
    assertThat(Cidr.parse("0.0.0.0/0").contains(Loopback.CLIENT)).isTrue();
    assertThat(Cidr.parse("10.0.0.0/8").contains(Loopback.CLIENT)).isFalse();
    assertThat(Loopback.isLoopback("127.0.1.2")).isTrue();
  }

  @Test
  void countsAndNumbersItsAddresses() {
    Cidr pool = Cidr.parse("127.0.1.0/24");
    assertThat(pool.size()).isEqualTo(256);
    assertThat(pool.address(2)).isEqualTo("127.0.1.2");
    assertThat(Cidr.parse("::/0").size()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void portRangesParseOneOrTwoPorts() {
    assertThat(PortRange.parse("8000")).isEqualTo(new PortRange(8000, 8000));
    PortRange range = PortRange.parse("8000-8010");
    assertThat(range.size()).isEqualTo(11);
    assertThat(range.contains(8010)).isTrue();
    assertThat(range.contains(7999)).isFalse();
    for (String bad : new String[] {"", "x", "9-8", "70000", "-1", "1-"}) {
      assertThatThrownBy(() -> PortRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
