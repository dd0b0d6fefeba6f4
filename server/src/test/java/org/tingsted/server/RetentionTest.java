package org.tingsted.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tingsted.server.LiveAssembly.await;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.tingsted.server.deliberation.Role;
import org.tingsted.server.roster.Assembly;
import org.tingsted.server.roster.Member;
import org.tingsted.server.roster.Retention;
import org.tingsted.server.roster.Roster;

/** Personal data is deleted a configured number of days after an assembly's last session day. */
@DisplayName("Retention of personal data")
class RetentionTest {

  private LiveAssembly live;

  @BeforeEach
  void start() {
    live = LiveAssembly.start(1, 2);
  }

  @AfterEach
  void stop() throws Exception {
    live.close();
  }

  private static Clock on(String date) {
    return Clock.fixed(LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
  }

  private Retention retention(int days, String today) {
    return new Retention(live.node.vertx(), () -> true, live.node.roster(), live.node.personal(), days, on(today));
  }

  private void keep(Assembly assembly, Member m) throws Exception {
    await(live.node.personal().put(assembly.id(), m.id(), "Legal " + m.name(), Map.of("email", m.id() + "@example.org"),
        Map.of("district", "Vesterbro")));
  }

  private boolean kept(Assembly assembly, Member m) throws Exception {
    return await(live.node.personal().get(assembly.id(), m.id())) != null;
  }

  @Test
  @DisplayName("90 days after the last session day the assembly's personal data is kept; the day after it is gone, and only that assembly's")
  void deletedAfterTheLastSessionDay() throws Exception {
    Roster roster = live.node.roster();
    Assembly first = live.assembly;
    Member sofie = live.members.get(0).get(0);
    Member mads = live.members.get(0).get(1);
    keep(first, sofie);
    keep(first, mads);
    Assembly later = await(roster.create("Later", null, List.of(
        new Roster.NewSession("Day 1", LiveAssembly.DAY, List.of("T")), new Roster.NewSession("Day 2", "2027-05-01", List.of("T")))));
    Member karen = await(roster.addMember(later.id(), "Karen", Role.MEMBER, null, later.sessions().get(1).tables().get(0).id()));
    keep(later, karen);
    Assembly undated = await(roster.create("Undated", null, List.of(new Roster.NewSession("Day", null, List.of("T")))));
    Member ole = await(roster.addMember(undated.id(), "Ole", Role.MEMBER, null, undated.sessions().get(0).tables().get(0).id()));
    keep(undated, ole);

    assertThat(await(retention(90, "2027-06-04").sweep())).as("2027-03-06 + 90 days is today: still kept").isZero();
    assertThat(kept(first, sofie)).isTrue();
    assertThat(await(retention(0, "2030-01-01").sweep())).as("0 days keeps it").isZero();

    assertThat(await(retention(90, "2027-06-05").sweep())).isEqualTo(2);
    assertThat(kept(first, sofie)).isFalse();
    assertThat(kept(first, mads)).isFalse();
    assertThat(kept(later, karen)).as("its last session day was 2027-05-01").isTrue();
    assertThat(kept(undated, ole)).as("an assembly without dates keeps it").isTrue();
    assertThat(await(roster.require(first.id())).members().get(sofie.id()).name())
        .as("the display name and the roster stay").isEqualTo(sofie.name());

    assertThat(await(retention(90, "2027-07-31").sweep())).isEqualTo(1);
    assertThat(kept(later, karen)).isFalse();
    assertThat(kept(undated, ole)).isTrue();
  }
}
